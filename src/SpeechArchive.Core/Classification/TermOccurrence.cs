namespace SpeechArchive.Classification;

/// <summary>One occurrence of a term: its id and its [Start, End) range in the original text.</summary>
internal readonly record struct TermOccurrence(int Term, int Start, int End);
