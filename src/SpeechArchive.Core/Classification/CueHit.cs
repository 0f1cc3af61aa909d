namespace SpeechArchive.Classification;

/// <summary>A cue found in a sentence: group, index of its owner (directive type, theme or context), cue index, weight, range.</summary>
internal readonly record struct CueHit(CueGroup Group, int Owner, int Cue, double Weight, int Start, int End);
