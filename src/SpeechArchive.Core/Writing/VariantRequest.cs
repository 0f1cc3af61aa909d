namespace SpeechArchive.Writing;

/// <summary>A formulation (提法) to find the variants of, filters in query syntax, and how close a variant must be.</summary>
public sealed record VariantRequest
{
    public string Formulation { get; init; } = "";
    public IReadOnlyList<string> Filters { get; init; } = [];
    /// <summary>Share of the formulation a variant must hold in order (alignment score over a perfect match).</summary>
    public double MinSimilarity { get; init; } = 0.6;

    /// <summary>
    /// The looser similarity a search that found no wording is offered again with (打铁还需自身硬 has none at 0.6, and 打铁必须自身硬
    /// at 0.5: two characters of seven changed), by the variants page and the <c>variants</c> command.
    /// </summary>
    public const double Relaxed = 0.5;
    /// <summary>Passages listed per variant, the earliest first.</summary>
    public int Examples { get; init; } = 5;
}
