namespace SpeechArchive.Writing;

/// <summary>A draft to check against the archive, and how much to report per sentence.</summary>
public sealed record DraftCheckRequest
{
    public const int MaxCharacters = 10_000;

    public string Text { get; init; } = "";
    public IReadOnlyList<string> Filters { get; init; } = [];
    public int PrecedentsPerSentence { get; init; } = 3;
    /// <summary>Shortest verbatim run reported, in characters.</summary>
    public int MinRun { get; init; } = 8;
    /// <summary>Precedents below this similarity are not listed.</summary>
    public double MinSimilarity { get; init; } = 0.3;
}
