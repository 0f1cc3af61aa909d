namespace SpeechArchive.Classification;

/// <summary>One sentence of a classified text, in document order.</summary>
/// <param name="Start">Offset of the sentence in the text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Kind"><c>sentence</c>, <c>heading</c>, <c>title</c> or <c>salutation</c>.</param>
/// <param name="DirectiveType">Directive type id, or null when none fits.</param>
/// <param name="DirectiveLabel">Chinese label of <paramref name="DirectiveType"/>, or null.</param>
/// <param name="PassageOrdinal">The passage the sentence belongs to, or -1 for headings, title and salutation.</param>
public sealed record ClassifiedSentence(
    int Start,
    int End,
    string Text,
    string Kind,
    string? DirectiveType,
    string? DirectiveLabel,
    IReadOnlyList<string> Reasons,
    int PassageOrdinal);
