namespace SpeechArchive.Classification;

/// <summary>Which list of the taxonomy a cue belongs to; longer terms hide shorter ones only within one group.</summary>
internal enum CueGroup
{
    Directive = 0,
    Theme = 1,
    Context = 2,
}

/// <summary>A cue found in a sentence: group, index of its owner (directive type, theme or context), cue index, weight, range.</summary>
internal readonly record struct CueHit(CueGroup Group, int Owner, int Cue, double Weight, int Start, int End);
