namespace SpeechArchive.Writing;

/// <summary>The ways a formulation was worded across the archive, each with its count and first and last use.</summary>
public sealed record VariantResult
{
    public required string Formulation { get; init; }
    /// <summary>
    /// Closest first: the exact wording (when it occurs), then by <see cref="FormulationVariant.Similarity"/> to two places (as
    /// the page shows it, to the percent); of wordings as close, the one holding more of the formulation's characters first
    /// (党的政治建设 before 的建设 for 党的建设), then the most used (<see cref="FormulationVariant.Count"/>).
    /// </summary>
    public required IReadOnlyList<FormulationVariant> Variants { get; init; }
    public required int Occurrences { get; init; }
    public required double TookMs { get; init; }
}

/// <summary>One wording: its text (from its first occurrence), how close it is to the formulation, and where it was used.</summary>
public sealed record FormulationVariant
{
    public required string Text { get; init; }
    public required bool IsExact { get; init; }
    /// <summary>The text holds the formulation's parts in another order.</summary>
    public required bool Reordered { get; init; }
    public required double Similarity { get; init; }
    /// <summary>How many times the wording is used in passages' text, every use in a passage counted (as the concordance counts).</summary>
    public required int Count { get; init; }
    /// <summary>How many passages use it (a passage may use it more than once), as many as <see cref="Examples"/> could list.</summary>
    public required int Passages { get; init; }
    public required int Speeches { get; init; }
    /// <summary>
    /// The date (yyyy-MM-dd), else the year, of the earliest dated use; null only when no use is dated (a speech of no known
    /// date or year sorts after every dated one, and is neither first nor last use).
    /// </summary>
    public string? FirstUsed { get; init; }
    /// <summary>The date, else the year, of the latest dated use; null only when no use is dated.</summary>
    public string? LastUsed { get; init; }
    /// <summary>The earliest passages using it (up to <see cref="VariantRequest.Examples"/>), each once, every use in it marked.</summary>
    public required IReadOnlyList<VariantOccurrence> Examples { get; init; }
}

/// <summary>A passage using a variant: where, and the passage excerpt with its uses in &lt;mark&gt; (HTML-escaped).</summary>
public sealed record VariantOccurrence(PassageSource Source, string Snippet);
