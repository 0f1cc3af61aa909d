namespace SpeechArchive.Classification.Evaluation;

/// <summary>A gold row that could not be aligned with the parsed text (or names an unknown label), and why.</summary>
/// <param name="Kind"><c>sentence</c> or <c>passage</c>.</param>
public sealed record UnmatchedGold(string Kind, string Source, int Line, string Text, string Reason);
