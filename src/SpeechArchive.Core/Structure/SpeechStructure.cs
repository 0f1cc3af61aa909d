namespace SpeechArchive.Structure;

/// <summary>A speech parsed into title, salutation, sections, passages and sentences. Offsets index into the speech's plain text.</summary>
public sealed record SpeechStructure(
    TextSpan? Title,
    TextSpan? Salutation,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Passage> Passages);

/// <summary>A half-open character range [Start, End) of the speech text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
