namespace SpeechArchive.Search;

/// <summary>A passage held in memory: where it is, its labels, and its match text.</summary>
public sealed record PassageInfo
{
    public required string Id { get; init; }
    public required int Speech { get; init; }
    public required int Ordinal { get; init; }
    public required int SectionOrdinal { get; init; }
    public required string SectionPath { get; init; }
    public string? PointLabel { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> DirectiveTypes { get; init; } = [];
    /// <summary>Sentences as (start, end, directive type or null), decoded on demand from the stored form.</summary>
    public IReadOnlyList<(int Start, int End, string? Type)> Sentences => IndexSnapshot.ParseSentences(SentencesCompact, Start);

    internal string SentencesCompact { get; init; } = "";
    internal string MatchText { get; init; } = "";
}
