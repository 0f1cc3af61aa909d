namespace SpeechArchive.Analysis;

/// <summary>One word of a segmentation: its [Start, End) offsets in the input, its folded text and its kind.</summary>
public readonly record struct WordSpan(int Start, int End, string Text, WordKind Kind);
