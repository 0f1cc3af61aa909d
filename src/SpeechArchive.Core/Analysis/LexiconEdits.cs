namespace SpeechArchive.Analysis;

// TEMPORARY STUB: replaced by the lexicon branch.
public sealed record LexiconEdits
{
    public static LexiconEdits Parse(string text, string fileName) => new();
}
