namespace SpeechArchive.Writing;

/// <summary>A passage and the passages of other speeches most like it.</summary>
public sealed record SimilarResult
{
    public required PassageSource Source { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<SimilarPassage> Similar { get; init; }
    public required double TookMs { get; init; }
}

/// <summary>A similar passage: its cosine similarity (0–1), the strings it shares with the source (longest first) and an excerpt with the longer ones marked.</summary>
public sealed record SimilarPassage
{
    public required PassageSource Source { get; init; }
    public required double Score { get; init; }
    public required IReadOnlyList<string> SharedTerms { get; init; }
    public required string Snippet { get; init; }
}
