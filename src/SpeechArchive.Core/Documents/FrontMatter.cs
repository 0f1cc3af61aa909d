namespace SpeechArchive.Documents;

/// <summary>The recognised keys of a Markdown file's YAML front matter; absent keys are null.</summary>
internal sealed record FrontMatter
{
    public static FrontMatter Empty { get; } = new();

    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public int? Year { get; init; }
    public string? Speaker { get; init; }
    public string? Organization { get; init; }
    public string? Meeting { get; init; }
    public string? Source { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
