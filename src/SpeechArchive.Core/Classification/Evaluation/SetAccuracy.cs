namespace SpeechArchive.Classification.Evaluation;

/// <summary>Directive-type accuracy on the sentences of one gold set, and how many there were.</summary>
public sealed record SetAccuracy(double Accuracy, int Count);
