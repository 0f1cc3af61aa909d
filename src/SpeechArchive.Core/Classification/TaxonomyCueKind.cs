namespace SpeechArchive.Classification;

/// <summary>How a taxonomy cue is matched against a sentence.</summary>
public enum TaxonomyCueKind
{
    /// <summary>A literal term found anywhere.</summary>
    Term,

    /// <summary>A literal term found at the start of the sentence, after any point marker (一是, 第一，, 1.).</summary>
    StartTerm,

    /// <summary>A .NET regular expression; <c>^</c> is the sentence start after any point marker.</summary>
    Pattern,
}
