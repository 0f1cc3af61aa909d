using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>
/// The archive's own words, learned from its text at index time (<see cref="WordDiscovery"/>) and stored with the index, over
/// the base lexicon that ships with the engine; <c>corpus/lexicon.txt</c> adds or bans words. Learned again on a rebuild and
/// when the archive's size changed by <see cref="RelearnShare"/> since the last learning, so that a small change to a large
/// archive does not cost a learning pass.
/// </summary>
public static class ArchiveLexicon
{
    /// <summary>The file in the corpus folder whose words are added to (or, with a leading '-', banned from) the lexicon.</summary>
    public const string EditsFileName = LexiconEdits.FileName;

    /// <summary>The share of the archive's characters that must have changed since the last learning to learn again.</summary>
    public const double RelearnShare = 0.05;

    /// <summary>
    /// The most characters the archive's words are learned from at index time: a larger archive is learned from every k-th
    /// speech (deterministic), so that learning costs seconds, not the whole build; the base lexicon holds the general words.
    /// </summary>
    public const long LearningBudget = 6_000_000;

    private static IEnumerable<string> Sample(List<string> texts, long characters)
    {
        var stride = (int)Math.Max(1, (characters + LearningBudget - 1) / LearningBudget);
        return texts.Where((_, i) => i % stride == 0);
    }

    /// <summary>The lexicon an index serves: the base lexicon, the archive's learned words over it, then the edits.</summary>
    public static Lexicon Compose(string? learned, string? edits)
    {
        var lexicon = Lexicon.Base;
        if (!string.IsNullOrEmpty(learned))
        {
            lexicon = lexicon.Merge(Lexicon.Read(new StringReader(learned)));
        }

        return string.IsNullOrEmpty(edits) ? lexicon : lexicon.With(LexiconEdits.Parse(edits, EditsFileName));
    }

    /// <summary>The text of the corpus's <c>lexicon.txt</c> ("" without one); a malformed file throws, naming the line.</summary>
    public static string ReadEdits(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, EditsFileName);
        if (!File.Exists(path))
        {
            return "";
        }

        if (new FileInfo(path).Length > LexiconEdits.MaxFileBytes)
        {
            throw new SpeechArchiveException($"{path}: lexicon edits larger than {LexiconEdits.MaxFileBytes / (1024 * 1024)} MB");
        }

        var text = File.ReadAllText(path);
        LexiconEdits.Parse(text, path); // check now: an error names the file and line, and the previous edits stay in force
        return text;
    }

    /// <summary>Whether the stored edits differ from <paramref name="edits"/>.</summary>
    internal static bool EditsChanged(IndexStore store, string edits) => (store.GetMeta(MetaKey.LexiconEdits) ?? "") != edits;

    /// <summary>
    /// Inside the run's transaction: stores the edits, and learns the archive's words again when due. Returns whether it learned.
    /// </summary>
    internal static bool Refresh(IndexStore store, bool rebuild, string edits)
    {
        store.SetMeta(MetaKey.LexiconEdits, edits);
        var characters = store.CountCharacters(); // the texts are read only when learning is due
        var learnedFrom = long.TryParse(store.GetMeta(MetaKey.LexiconCharacters), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var due = rebuild || learnedFrom < 0 || store.GetMeta(MetaKey.Lexicon) is null
            || Math.Abs(characters - learnedFrom) >= RelearnShare * Math.Max(1, learnedFrom);
        if (!due)
        {
            return false;
        }

        var learned = WordDiscovery.Learn(Sample(store.ReadTextsById().ConvertAll(t => t.Text), characters));
        var tsv = new StringWriter(CultureInfo.InvariantCulture);
        learned.Write(tsv);
        store.SetMeta(MetaKey.Lexicon, tsv.ToString());
        store.SetMeta(MetaKey.LexiconCharacters, characters.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
