namespace SpeechArchive.Classification;

/// <summary>
/// A kind of stretch of a speech (review, problems, tasks, closing) that a heading or lead-in sentence opens and
/// that favours one directive type for the sentences inside it.
/// </summary>
/// <param name="Id">English identifier, e.g. <c>review</c>.</param>
/// <param name="Label">Chinese name used in reasons, e.g. <c>回顾成绩</c>.</param>
/// <param name="Description">What the context is, for people.</param>
/// <param name="Favours">Directive type id that gets <paramref name="Bonus"/> inside the context.</param>
/// <param name="Bonus">Score added to <paramref name="Favours"/> for every sentence inside.</param>
/// <param name="MinPosition">The context opens only after this share (0..1) of the text.</param>
/// <param name="Cues">Terms and patterns that open the context.</param>
public sealed record TaxonomyContext(
    string Id,
    string Label,
    string Description,
    string Favours,
    double Bonus,
    double MinPosition,
    IReadOnlyList<TaxonomyCue> Cues);
