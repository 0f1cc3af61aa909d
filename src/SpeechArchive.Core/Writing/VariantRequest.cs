namespace SpeechArchive.Writing;

/// <summary>A formulation (提法) to find the variants of, filters in query syntax, and how close a variant must be.</summary>
public sealed record VariantRequest
{
    public string Formulation { get; init; } = "";
    public IReadOnlyList<string> Filters { get; init; } = [];
    /// <summary>Share of the formulation a variant must hold in order (alignment score over a perfect match).</summary>
    public double MinSimilarity { get; init; } = 0.6;
    /// <summary>Example occurrences listed per variant.</summary>
    public int Examples { get; init; } = 5;
}
