namespace SpeechArchive.Classification.Evaluation;

/// <summary>A hand-labelled sentence: its source file (relative to the corpus root), verbatim text, directive type id or <c>none</c>, note.</summary>
/// <param name="Line">1-based line in <c>sentences.tsv</c>.</param>
public sealed record GoldSentence(string Source, string Text, string DirectiveType, string Note, int Line);
