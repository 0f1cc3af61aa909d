namespace SpeechArchive.Analysis;

/// <summary>What a <see cref="WordSpan"/> is made of.</summary>
public enum WordKind : byte
{
    /// <summary>Han characters: a lexicon word or a single character.</summary>
    Han,
    /// <summary>A run of Latin letters or digits.</summary>
    Latin,
}
