using System.Collections.Concurrent;
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

    /// <summary>
    /// <paramref name="learned"/> without the words that cut across the base lexicon's. A learned word the base lexicon does not
    /// know is kept where the base lexicon's segmentation of <paramref name="texts"/> holds it as a word at least as often as
    /// not (<see cref="WordOccurrence"/>): 管党治党 (管党 | 治党), 四风 (四 | 风) and 国家标准 (of 符合 | 国家标准) are kept;
    /// 违规违 (违规 | 违纪), 想信念 (of 理想信念) and 纪违法 (违纪 | 违法), fragments that a small archive's few occurrences make
    /// look like words, are not. Merged into the base (<see cref="Lexicon.Merge"/>), a small archive's counts are scaled to the
    /// base's size, so a fragment would otherwise cut the base's words apart wherever it meets them (违规违 / 纪, 特殊困 / 难群体).
    /// </summary>
    internal static Lexicon AlignedWithBase(Lexicon learned, IReadOnlyList<string> texts)
    {
        var baseLexicon = Lexicon.Base;
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, _) in learned.Words)
        {
            if (word.Length > 1 && !baseLexicon.Contains(word))
            {
                candidates[word] = candidates.Count;
            }
        }

        if (candidates.Count == 0 || texts.Count == 0)
        {
            return learned;
        }

        var longest = candidates.Keys.Max(w => w.Length);
        var lookup = candidates.GetAlternateLookup<ReadOnlySpan<char>>();
        var (asWord, notAsWord) = (new int[candidates.Count], new int[candidates.Count]);
        var segmenter = new Segmenter(baseLexicon);
        var sums = new object();
        Parallel.ForEach(Partitioner.Create(0, texts.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, range =>
        {
            var (aligned, misaligned) = (new int[candidates.Count], new int[candidates.Count]);
            for (var t = range.Item1; t < range.Item2; t++)
            {
                var text = texts[t];
                var spans = segmenter.Segment(text);
                var spanAt = WordOccurrence.SpanAt(spans, text.Length);
                for (var i = 0; i < text.Length; i++)
                {
                    for (var length = 2; length <= longest && i + length <= text.Length; length++)
                    {
                        if (lookup.TryGetValue(text.AsSpan(i, length), out var k))
                        {
                            (WordOccurrence.AsWord(spans, spanAt, i, i + length, baseLexicon) ? aligned : misaligned)[k]++;
                        }
                    }
                }
            }

            lock (sums)
            {
                for (var k = 0; k < aligned.Length; k++)
                {
                    asWord[k] += aligned[k];
                    notAsWord[k] += misaligned[k];
                }
            }
        });

        return new Lexicon(learned.Words.Where(w => !candidates.TryGetValue(w.Word, out var k) || asWord[k] >= notAsWord[k]));
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

        var texts = Sample(store.ReadTextsById().ConvertAll(t => t.Text), characters).ToList();
        var learned = AlignedWithBase(WordDiscovery.Learn(texts), texts);
        var tsv = new StringWriter(CultureInfo.InvariantCulture);
        learned.Write(tsv);
        store.SetMeta(MetaKey.Lexicon, tsv.ToString());
        store.SetMeta(MetaKey.LexiconCharacters, characters.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
