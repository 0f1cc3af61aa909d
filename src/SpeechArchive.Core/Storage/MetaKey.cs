namespace SpeechArchive.Storage;

/// <summary>Keys of the meta table that hold the archive's lexicon (the rest are still written where they are used).</summary>
internal static class MetaKey
{
    /// <summary>The words learned from the archive's own text (the lexicon TSV), merged over the base lexicon on load.</summary>
    public const string Lexicon = "lexicon";

    /// <summary>How many characters the stored lexicon was learned from: it is learned again when the archive grew or shrank enough.</summary>
    public const string LexiconCharacters = "lexicon_characters";

    /// <summary>The text of <c>corpus/lexicon.txt</c> (words added or banned) in force.</summary>
    public const string LexiconEdits = "lexicon_edits";
}
