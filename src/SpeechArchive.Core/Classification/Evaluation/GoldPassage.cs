namespace SpeechArchive.Classification.Evaluation;

/// <summary>A hand-labelled passage: its source file, the first characters of the passage, its theme ids (empty for <c>none</c>), note.</summary>
/// <param name="Line">1-based line in <c>passages.tsv</c>.</param>
public sealed record GoldPassage(string Source, string Start, IReadOnlyList<string> Themes, string Note, int Line);
