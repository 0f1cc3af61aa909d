using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Semantics;

namespace SpeechArchive.Writing;

/// <summary>
/// The words nearest a word or phrase by meaning, as the ranking by meaning reads it: a user who wonders why a passage
/// matched sees what the model takes the words to mean. Each word of the text is read from its own vector, else from the
/// passages of the archive that hold it, else from its characters (<see cref="PassageVectors.Query"/>); the neighbours are
/// the vocabulary words nearest that reading, each with the number of passages holding it.
/// </summary>
public static class Neighbours
{
    public const int MaxLimit = 100;

    public static NeighboursResult Find(IndexSnapshot index, string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(index);
        var clock = Stopwatch.StartNew();
        var form = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (form.Length == 0)
        {
            throw new QuerySyntaxException("请给出一个词。(give a word)");
        }

        if (index.MeaningVectors is not { } vectors)
        {
            return new NeighboursResult(form, [], [], "", clock.Elapsed.TotalMilliseconds);
        }

        var holding = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] Holding(string word)
        {
            if (!holding.TryGetValue(word, out var docs))
            {
                docs = Matcher.Match(index, new QueryWord(word, false, word), headings: false).Docs;
                holding[word] = docs;
            }

            return docs;
        }

        // The text as one word when the vectors or some passage know it whole (大吃大喝, which the lexicon would cut into characters).
        var words = vectors.Words.Contains(form) || Holding(form).Length > 0 ? [form]
            : SearchStructures.Of(index).Segmenter.Segment(form).Where(w => w.Kind == WordKind.Han && w.Text.Length >= 2 && !QueryStopWords.OutOfMeaning(w.Text))
                .Select(w => w.Text).Distinct().ToList();
        var readings = words.Select(w => new WordReading(w,
            vectors.Words.Contains(w) ? WordReading.OwnVector : Holding(w).Length > 0 ? WordReading.FromPassages : WordReading.FromCharacters,
            Holding(w).Length)).ToList();
        var vector = vectors.Query(words, Holding);
        var near = vector is null ? [] : vectors.Words.Nearest(vector, Math.Clamp(limit, 1, MaxLimit), w => w != form && !words.Contains(w) && w.Length >= 2)
            .Select(n => new Neighbour(n.Word, Math.Round(n.Cosine, 3), Holding(n.Word).Length)).ToList();
        return new NeighboursResult(form, readings, near, vectors.Words.Provenance, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>At most this many words of a reading get replacements, and this many each.</summary>
    private const int Replaced = 3;

    /// <summary>
    /// A neighbour is offered from this cosine on. The words are offered, not searched: added to the query as expansions they
    /// lowered nDCG@10 on the topical set (docs/relevance.md), so the user chooses.
    /// </summary>
    private const double ReplacementCosine = 0.6;

    /// <summary>A neighbour is offered only when the word is among the neighbour's own this many nearest.</summary>
    private const int MutualDepth = 20;

    /// <summary>
    /// Whether the archive's texts say a word as a word: where they hold it, the segmenter mostly cuts it whole rather than
    /// across two words (制改革 is held inside 体制改革 and 股份制改革): a learned string the vectors know is offered, or listed
    /// as near in meaning, only when it is. A string the lexicon itself learned whole (新时代党 of 新时代党的建设) still passes.
    /// One set of matches per call (the request's).
    /// </summary>
    internal static Func<string, bool> WordsSaid(IndexSnapshot index)
    {
        var matches = new WordMatches(index);
        var segmenter = SearchStructures.Of(index).Segmenter;
        return word => matches.MostlyWhole(new QueryWord(word, false, word), segmenter);
    }

    /// <summary>
    /// For the first words of a free-text reading, the words near each by meaning that some passage holds, that neither
    /// holds the other nor is one of its thesaurus terms, that share a character with it, and that are mutual neighbours: a
    /// word near everything (我们一定要, 决不能: a hub of the vector space) is near this one too, but this one is not among its
    /// nearest. Vectors learned from what words are said with put a word's companions beside it as well as its kin (防止 →
    /// 扩散, what is prevented; 农民收入 → 连年; 耕地 → 亩以上); offered in its place, a companion makes another question
    /// (怎样扩散干部腐败). A word sharing a character is nearly always kin (治理 → 整治, 领导干部 → 党员干部, 再就业 → 灵活就业); a
    /// few kin are lost with the companions (防止 → 避免).
    /// </summary>
    public static IReadOnlyList<WordReplacements> Replacements(IndexSnapshot index, IReadOnlyList<QueryReadingWord> reading)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(reading);
        if (index.MeaningVectors is not { } vectors)
        {
            return [];
        }

        // The candidate is a vocabulary word, so it is read from its own vector, as Find reads it.
        bool Mutual(string word, string candidate) => vectors.Query([candidate]) is { } own
            && vectors.Words.Nearest(own, MutualDepth, w => w != candidate && w.Length >= 2).Any(m => m.Word == word);

        var said = WordsSaid(index);
        var replacements = new List<WordReplacements>();
        foreach (var word in reading.Take(Replaced))
        {
            var near = Find(index, word.Word, 8).Neighbours
                .Where(n => n.Cosine >= ReplacementCosine && n.Passages > 0 && !n.Word.Contains(word.Word, StringComparison.Ordinal)
                    && !word.Word.Contains(n.Word, StringComparison.Ordinal) && !word.Expansions.Contains(n.Word))
                .Where(n => n.Word.AsSpan().IndexOfAny(word.Word) >= 0 && Mutual(word.Word, n.Word) && said(n.Word))
                .Take(Replaced).Select(n => n.Word).ToList();
            if (near.Count > 0)
            {
                replacements.Add(new WordReplacements(word.Word, near));
            }
        }

        return replacements;
    }
}

/// <summary>Words near one word of a query by meaning, offered in its place (<see cref="Neighbours.Replacements"/>).</summary>
public sealed record WordReplacements(string Word, IReadOnlyList<string> Near);

/// <summary>A word or phrase, how each of its words was read, and the words nearest that reading.</summary>
public sealed record NeighboursResult(string Text, IReadOnlyList<WordReading> ReadAs, IReadOnlyList<Neighbour> Neighbours, string Model, double TookMs);

/// <summary>
/// One word of the text and where its meaning came from: <see cref="OwnVector"/>, <see cref="FromPassages"/> (the mean of the
/// passages holding it), or <see cref="FromCharacters"/>; <paramref name="Passages"/> of the archive hold it.
/// </summary>
public sealed record WordReading(string Word, string Source, int Passages)
{
    public const string OwnVector = "vector";
    public const string FromPassages = "passages";
    public const string FromCharacters = "characters";
}

/// <summary>A word near by meaning, its cosine, and how many passages hold it.</summary>
public sealed record Neighbour(string Word, double Cosine, int Passages);
