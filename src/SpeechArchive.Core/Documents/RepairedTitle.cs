namespace SpeechArchive.Documents;

/// <summary>A metadata-table title mended by <see cref="TitleRepair"/>: the title to show, a speaker it named, and why.</summary>
/// <param name="Title">The title to store and show.</param>
/// <param name="Speaker">The author split off after ※ (xi-2020's <c>…※习近平</c>), or null.</param>
/// <param name="Rule">What was done, for the provenance and the warning: <c>news dateline removed</c>, <c>occasion named in the opening</c>, ….</param>
/// <param name="Derived">True when the title was built from the text (the table's was not a title), false when the table's was cleaned.</param>
/// <param name="Confidence">How sure the title is, as <see cref="MetadataProvenance.Confidence"/>.</param>
public sealed record RepairedTitle(string Title, string? Speaker, string Rule, bool Derived, double Confidence);
