namespace SpeechArchive.Structure;

/// <summary>A heading of the speech (一、… at level 1, （一）… at level 2, …) and the range it governs.</summary>
/// <param name="Ordinal">0-based position among all sections of the speech, in document order.</param>
/// <param name="Level">1 for 一、/ Markdown #, 2 for （一）, 3 for 1. and so on.</param>
/// <param name="Label">The numbering as written, e.g. <c>一、</c>, <c>（二）</c>; empty for unnumbered headings.</param>
/// <param name="Heading">The heading text including its label, trimmed.</param>
/// <param name="HeadingSpan">Where the heading line stands in the text.</param>
/// <param name="Span">From the heading to the end of the section (before the next heading of the same or a higher level).</param>
/// <param name="ParentOrdinal">Ordinal of the enclosing section, or -1.</param>
public sealed record Section(
    int Ordinal,
    int Level,
    string Label,
    string Heading,
    TextSpan HeadingSpan,
    TextSpan Span,
    int ParentOrdinal);
