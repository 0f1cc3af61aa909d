namespace SpeechArchive.Classification.Evaluation;

/// <summary>A gold row the classifier got wrong: what the gold says, what was predicted, and the classifier's reasons.</summary>
/// <param name="Kind"><c>sentence</c> or <c>passage</c>.</param>
/// <param name="Text">The gold sentence, or the start of the gold passage.</param>
/// <param name="Gold">Gold label(s), comma-separated; <c>none</c> when empty.</param>
/// <param name="Predicted">Predicted label(s), comma-separated; <c>none</c> when empty.</param>
public sealed record EvaluationMiss(string Kind, string Source, int Line, string Text, string Gold, string Predicted, IReadOnlyList<string> Reasons);
