namespace SpeechArchive.Structure;

/// <summary>A section while the parser still looks for its end.</summary>
internal sealed class SectionDraft(
    int ordinal, int level, MarkerStyle style, bool hinted, string label, string heading, TextSpan headingSpan, int parent, string[] path)
{
    public int Ordinal { get; } = ordinal;

    public int Level { get; } = level;

    /// <summary>The numbering style; <see cref="MarkerStyle.None"/> for an unnumbered Markdown heading.</summary>
    public MarkerStyle Style { get; } = style;

    /// <summary>Marked as a heading by the source format rather than recognised by its numbering.</summary>
    public bool Hinted { get; } = hinted;

    public string[] Path { get; } = path;

    public int End { get; set; } = headingSpan.End;

    public Section ToSection() =>
        new(Ordinal, Level, label, heading, headingSpan, new TextSpan(headingSpan.Start, Math.Max(End, headingSpan.End)), parent);
}
