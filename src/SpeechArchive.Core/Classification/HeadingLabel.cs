namespace SpeechArchive.Classification;

/// <summary>The directive type of a section heading (classified like a sentence, in the context it opens) and its reasons.</summary>
/// <param name="SectionOrdinal">Ordinal of the section in <c>SpeechStructure.Sections</c>.</param>
public sealed record HeadingLabel(int SectionOrdinal, string? DirectiveType, IReadOnlyList<string> Reasons);
