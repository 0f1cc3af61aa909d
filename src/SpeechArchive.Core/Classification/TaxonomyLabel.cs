namespace SpeechArchive.Classification;

/// <summary>A theme or directive type of the taxonomy: its id, Chinese label, description and the cues that score it.</summary>
/// <param name="Id">English identifier stored in the index, e.g. <c>integrity</c>.</param>
/// <param name="Label">Chinese name shown to users, e.g. <c>反腐倡廉</c>.</param>
/// <param name="Description">What the label means, for people.</param>
/// <param name="Cues">Terms and patterns with their weights.</param>
public sealed record TaxonomyLabel(string Id, string Label, string Description, IReadOnlyList<TaxonomyCue> Cues)
{
    /// <summary>
    /// For a directive type: how much the theme cues of sentences of this type count (1 = fully). Meeting business and
    /// rallies are built from stock formulas, so their theme words say little about what a passage is about.
    /// </summary>
    public double ThemeWeight { get; init; } = 1;
}
