namespace SpeechArchive.Classification;

/// <summary>Which list of the taxonomy a cue belongs to; longer terms hide shorter ones only within one group.</summary>
internal enum CueGroup
{
    Directive = 0,
    Theme = 1,
    Context = 2,
}
