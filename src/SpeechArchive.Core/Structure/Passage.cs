namespace SpeechArchive.Structure;

/// <summary>
/// A passage (段落): the unit of search. A paragraph, or one point (一是…, 第一，…, 1.…, （一）…) of a paragraph that
/// runs several points inline. Headings themselves are not passages.
/// </summary>
/// <param name="Ordinal">0-based position among the speech's passages; with the speech id it forms the stable passage id.</param>
/// <param name="Span">Range of the passage in the speech text (trimmed of surrounding white space).</param>
/// <param name="SectionOrdinal">Innermost enclosing section, or -1 before the first heading.</param>
/// <param name="SectionPath">Headings from the outermost in, e.g. <c>["二、直面问题，确保整改落实到位", "第二，提升服务效能"]</c>.</param>
/// <param name="PointLabel">The point marker the passage begins with (一是, 第二，, 1.), or null.</param>
/// <param name="Sentences">Sentences in order, each inside <see cref="Span"/>.</param>
public sealed record Passage(
    int Ordinal,
    TextSpan Span,
    int SectionOrdinal,
    IReadOnlyList<string> SectionPath,
    string? PointLabel,
    IReadOnlyList<TextSpan> Sentences)
{
    /// <summary>The section path as one line, joined with " › ".</summary>
    public string SectionPathText => string.Join(" › ", SectionPath);
}
