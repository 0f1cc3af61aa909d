namespace SpeechArchive.Writing;

/// <summary>A draft to check against the archive, and how much to report per sentence.</summary>
public sealed record DraftCheckRequest
{
    public const int MaxCharacters = 10_000;

    public string Text { get; init; } = "";

    /// <summary>Read the text as Markdown (true), as it is (false), or as Markdown where it looks like it (null: front matter, # headings, links; read as given when it does not read as Markdown).</summary>
    public bool? Markdown { get; init; }
    public IReadOnlyList<string> Filters { get; init; } = [];
    public int PrecedentsPerSentence { get; init; } = 3;
    /// <summary>Shortest verbatim run reported, in characters.</summary>
    public int MinRun { get; init; } = 8;
    /// <summary>Precedents below this similarity are not listed.</summary>
    public double MinSimilarity { get; init; } = 0.3;
}
