namespace SpeechArchive.Classification;

/// <summary>One theme cue's contribution to a passage.</summary>
/// <param name="Count">Occurrences in the passage.</param>
/// <param name="Amount">Occurrences weighted by their sentence type's theme weight (capped at termRepeatCap).</param>
/// <param name="Heading">True for a cue of a section heading above the passage.</param>
internal readonly record struct ThemePart(int Theme, int Cue, int Count, double Amount, bool Heading);
