namespace SpeechArchive.Classification;

/// <summary>A theme or directive type of the taxonomy: its id, Chinese label, description and the cues that score it.</summary>
/// <param name="Id">English identifier stored in the index, e.g. <c>integrity</c>.</param>
/// <param name="Label">Chinese name shown to users, e.g. <c>反腐倡廉</c>.</param>
/// <param name="Description">What the label means, for people.</param>
/// <param name="Cues">Terms and patterns with their weights.</param>
public sealed record TaxonomyLabel(string Id, string Label, string Description, IReadOnlyList<TaxonomyCue> Cues);
