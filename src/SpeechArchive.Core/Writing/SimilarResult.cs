namespace SpeechArchive.Writing;

/// <summary>A passage and the passages of other speeches most like it.</summary>
public sealed record SimilarResult
{
    public required PassageSource Source { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<SimilarPassage> Similar { get; init; }

    /// <summary>The passages of other speeches printing the source's very text (a speech two sources published, a file uploaded twice): not listed as similar.</summary>
    public IReadOnlyList<PassageSource> Reprints { get; init; } = [];

    public required double TookMs { get; init; }
}

/// <summary>A similar passage: its cosine similarity (0–1), the strings it shares with the source (longest first) and an excerpt with the longer ones marked.</summary>
public sealed record SimilarPassage
{
    public required PassageSource Source { get; init; }
    public required double Score { get; init; }
    public required IReadOnlyList<string> SharedTerms { get; init; }
    public required string Snippet { get; init; }

    /// <summary>The passages printing this one's very text, folded under it as the search folds them (同文另见), best first.</summary>
    public IReadOnlyList<PassageSource> Reprints { get; init; } = [];
}
