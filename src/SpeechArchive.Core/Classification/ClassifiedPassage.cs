namespace SpeechArchive.Classification;

/// <summary>One passage of a classified text with its themes (ids and Chinese labels), its sentences' directive types and the theme reasons.</summary>
public sealed record ClassifiedPassage(
    int Ordinal,
    int Start,
    int End,
    string Text,
    string SectionPath,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> ThemeLabels,
    IReadOnlyList<string> DirectiveTypes,
    IReadOnlyList<string> Reasons);
