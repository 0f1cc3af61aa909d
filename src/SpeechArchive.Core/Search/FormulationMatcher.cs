using System.Runtime.CompilerServices;
using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// Reads a free-text query against the thesaurus's <c>formulations</c> (not its <c>statement-formulations</c>:
/// <see cref="Thesaurus.StatementOnly"/>): which official formulation (提法) the query describes in everyday words. The query's words (with the fillers it drops) and each description's (two characters or more, not
/// question or function words: <see cref="QueryStopWords.OutOfMeaning"/>) are compared as sets of character pairs (so 老百姓
/// meets 百姓, and 看病难 meets 看病), each pair weighted by how rare it is in the archive. A description is near enough
/// when two of its words at least share pairs with the query (different pairs: a word said twice counts once), two of those
/// pairs are apart in the query's words rather than one word's overlapping pairs (<see cref="TwoApart"/>), and the pairs in common
/// weigh <see cref="MinScore"/> of the query's and of the description's (the query says what the description says, and not
/// much else); its formulation is then searched beside the words. Descriptions equally near by
/// their pairs are told apart by the characters both say, single ones too (<see cref="Closeness"/>). Free text asks it of
/// a question, and of a statement <see cref="FormulationReader"/> reads no formulation for that a search can use.
/// Everyday words are often ones the archive's lexicon does not hold, so they come out as single characters (舍 / 不得 / 花,
/// 中 / 看不 / 中 / 用): on both sides such a character is also joined to the words beside it (<see cref="Bridge"/>), and the
/// pairs that makes count where both sides say them, without weighing on either side's whole (which stays that of its
/// words, where it has any); a bridged string is a description's word in common by the pairs it adds to its words.
/// </summary>
internal static class FormulationMatcher
{
    /// <summary>The share of the query's pairs' weight, and of the description's, that the pairs in common must weigh.</summary>
    public const double MinScore = 0.5;

    /// <summary>At most this many formulations are searched for one query, nearest first.</summary>
    public const int MaxFormulations = 2;

    /// <summary>
    /// The strings a run's pieces make where a content character stands alone: each such character joined to the content
    /// pieces beside it (舍 / 不得 / 花 → 舍不得花; 港 / 岛 → 港岛; 中 / 看不 / 中 / 用 → 中看不中用), so that its pairs can be
    /// compared; a question, function or filler word, or anything but Chinese characters, breaks a string, and two words
    /// side by side stay two.
    /// </summary>
    public static IEnumerable<string> Bridge(IReadOnlyList<string> pieces)
    {
        var group = new List<string>();
        foreach (var piece in pieces)
        {
            var breaks = QueryStopWords.Contains(piece) || !piece.All(HanRuns.IsHan);
            if (breaks || (group.Count > 0 && group[^1].Length > 1 && piece.Length > 1))
            {
                if (Joined(group) is { } joined)
                {
                    yield return joined;
                }

                group.Clear();
            }

            if (!breaks)
            {
                group.Add(piece);
            }
        }

        if (Joined(group) is { } last)
        {
            yield return last;
        }

        static string? Joined(List<string> group) => group.Count > 1 && group.Any(g => g.Length == 1) ? string.Concat(group) : null;
    }

    // Lazy: a query arriving while the web app prepares the table waits for it rather than reading the descriptions again.
    // Reading them is deterministic, so a failure (out of memory) is kept as the table's and thrown to every query after.
    private static readonly ConditionalWeakTable<Thesaurus, ConditionalWeakTable<Segmenter, Lazy<Described>>> Tables = [];

    /// <summary>
    /// Reads the thesaurus's descriptions with <paramref name="segmenter"/> now rather than in the first free-text query that
    /// asks (about 0.2 s with the built-in glossary); kept while both live, once for each pair of them.
    /// </summary>
    public static void Prepare(Thesaurus thesaurus, Segmenter segmenter) => _ = Table(thesaurus, segmenter);

    /// <summary>Whether the descriptions of <paramref name="thesaurus"/> have been read with <paramref name="segmenter"/>.</summary>
    internal static bool Prepared(Thesaurus thesaurus, Segmenter segmenter) =>
        Tables.TryGetValue(thesaurus, out var bySegmenter) && bySegmenter.TryGetValue(segmenter, out var table) && table.IsValueCreated;

    private static Described Table(Thesaurus thesaurus, Segmenter segmenter) =>
        Tables.GetValue(thesaurus, _ => []).GetValue(segmenter, s => new Lazy<Described>(() => Describe(thesaurus, s))).Value;

    /// <summary>
    /// The formulations <paramref name="words"/> (a query's content words) describe, nearest first, each once;
    /// <paramref name="bridged"/> are the query's <see cref="Bridge"/> strings, whose pairs count only where a description says
    /// them too; <paramref name="rarity"/> weighs a character pair (its inverse document frequency); <paramref name="singles"/> are the
    /// characters the query says on their own and does not search (钱 of 离婚后给孩子的钱), which only order descriptions
    /// equally near by their pairs.
    /// </summary>
    public static IReadOnlyList<string> Match(IReadOnlyList<string> words, IReadOnlyList<string> bridged, IReadOnlyList<string> singles, Thesaurus thesaurus, Segmenter segmenter, Func<string, double> rarity)
    {
        if (thesaurus.Formulations.Count == 0)
        {
            return [];
        }

        var described = Table(thesaurus, segmenter);
        var own = Pairs(words);
        var query = Pairs(words.Concat(bridged));
        if (query.Count < 2)
        {
            return [];
        }

        var shared = new Dictionary<int, List<string>>();
        foreach (var pair in query)
        {
            if (described.ByPair.TryGetValue(pair, out var holders))
            {
                foreach (var d in holders)
                {
                    (shared.TryGetValue(d, out var list) ? list : shared[d] = []).Add(pair);
                }
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double Weight(string pair) => weights.TryGetValue(pair, out var w) ? w : weights[pair] = rarity(pair);
        double? queryWeight = null; // looked up only once a description shares two words
        var said = words.Concat(singles).SelectMany(w => w).ToHashSet();
        var best = new Dictionary<string, (double Score, double Least, double Most)>(StringComparer.Ordinal);
        foreach (var (d, pairs) in shared)
        {
            var (formulation, descriptionWords, descriptionOwn) = described.Descriptions[d];

            // A bridged string is a word in common by the pairs it adds to the words it overlaps. (Asking two of them, so that
            // 不够花 of 国家收入不够花 is not a second word beside 不够 for 退休金不够花, lost more right formulations than wrong
            // ones on the tune split: docs/relevance.md, thirty-sixth session.)
            var inCommon = descriptionWords.Select(word => string.Concat(word.Where(query.Contains))).Where(common => common.Length > 0);
            if (inCommon.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue; // one word in common (越来越, 干部) says little about what the query describes, however often it is said
            }

            if (!TwoApart(pairs, words))
            {
                continue; // the pairs in common are one stretch of the query (老百 and 百姓 of 老百姓): one thing said, not two
            }

            queryWeight ??= (own.Count > 0 ? own : query).Sum(Weight);
            var common = pairs.Sum(Weight);
            var score = Math.Min(common / queryWeight.Value, common / descriptionOwn.Sum(Weight));
            if (!(score >= MinScore))
            {
                continue; // too far (or no weight at all: NaN)
            }

            var (least, most) = Closeness(said, described.Characters[d]);
            if (!best.TryGetValue(formulation, out var known) || (score, least, most).CompareTo(known) > 0)
            {
                best[formulation] = (score, least, most);
            }
        }

        return [.. best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)];
    }

    /// <summary>
    /// How much of what the query says a description says, by characters (its words' and the single ones it says outside
    /// them; question and function words left out): of the query's characters the share the description holds and of the
    /// description's the share the query holds, the lesser and the greater. It orders descriptions whose pairs are equally
    /// near: 离婚后孩子归谁抚养 shares 离婚、婚后、孩子 alike with 离婚后给孩子的钱 (抚养费), 离婚后看孩子 (探望权) and 离婚后孩子跟谁
    /// (直接抚养), and the last says nothing the query does not (钱, 看).
    /// </summary>
    internal static (double Least, double Most) Closeness(HashSet<char> query, HashSet<char> description)
    {
        if (query.Count == 0 || description.Count == 0)
        {
            return (0, 0);
        }

        var common = query.Count(description.Contains);
        var (ofQuery, ofDescription) = ((double)common / query.Count, (double)common / description.Count);
        return (Math.Min(ofQuery, ofDescription), Math.Max(ofQuery, ofDescription));
    }

    /// <summary>
    /// Whether two of <paramref name="pairs"/> (pairs of the query's in common with a description) are apart in the query's
    /// <paramref name="words"/>: not the one stretch two overlapping pairs make in a word (老百 and 百姓 of 老百姓 are one
    /// stretch; 加入 and 世贸 of 加入世贸组织 are two, as are pairs of two words, or a word's and the pair a lone character
    /// bridges to it, 负担 and 担重 of 负担 / 重). A description sharing only one stretch with the query shares one thing it
    /// says, however many of the description's words that stretch touches (坑老百姓: 百姓, and 老百 through the bridged 坑老百姓).
    /// Two pairs chained in one word are one stretch even where the query also says them apart.
    /// </summary>
    internal static bool TwoApart(IReadOnlyList<string> pairs, IReadOnlyList<string> words)
    {
        for (var a = 0; a < pairs.Count; a++)
        {
            for (var b = a + 1; b < pairs.Count; b++)
            {
                if (!Chained(pairs[a], pairs[b]) && !Chained(pairs[b], pairs[a]))
                {
                    return true;
                }
            }
        }

        return false;

        // p then q overlapping by a character in a word of the query (老百 then 百姓 in 老百姓).
        bool Chained(string p, string q) =>
            p[1] == q[0] && words.Any(w => w.Contains(string.Concat(p, q.AsSpan(1)), StringComparison.Ordinal));
    }

    /// <summary>The distinct character pairs inside the words (a word of two characters is its own pair).</summary>
    public static HashSet<string> Pairs(IEnumerable<string> words)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            for (var i = 0; i + 1 < word.Length; i++)
            {
                pairs.Add(word.Substring(i, 2));
            }
        }

        return pairs;
    }

    private static Described Describe(Thesaurus thesaurus, Segmenter segmenter)
    {
        var descriptions = new List<(string Formulation, string[][] Words, string[] Own)>();
        var characters = new List<HashSet<char>>();
        var byPair = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (formulation, texts) in thesaurus.Formulations.Where(f => !thesaurus.StatementOnly.Contains(f.Formulation)))
        {
            foreach (var text in texts)
            {
                var segments = segmenter.Segment(text).ToList();
                var said = segments.Where(s => s.Kind == WordKind.Han && !QueryStopWords.OutOfMeaning(s.Text)).Select(s => s.Text).ToList();
                var own = said.Where(w => w.Length > 1).ToList();
                var ownPairs = Pairs(own);
                // Its words, then its bridged strings as the pairs they add to them.
                string[][] words = [.. own.Select(w => Pairs([w]).ToArray()),
                    .. Bridge([.. segments.Select(s => s.Text)]).Select(b => Pairs([b]).Where(p => !ownPairs.Contains(p)).ToArray()).Where(b => b.Length > 0)];
                if (words.Length == 0)
                {
                    continue;
                }

                foreach (var pair in words.SelectMany(w => w).Distinct())
                {
                    (byPair.TryGetValue(pair, out var list) ? list : byPair[pair] = []).Add(descriptions.Count);
                }

                // The pairs it weighs: its words' (or, where every content character stands alone, its bridged strings').
                string[] weighed = own.Count > 0 ? [.. ownPairs] : [.. words.SelectMany(w => w).Distinct()];
                descriptions.Add((formulation, words, weighed));
                characters.Add(said.SelectMany(w => w).ToHashSet());
            }
        }

        return new Described(descriptions, characters, byPair);
    }

    /// <summary>
    /// Each description's formulation, its words (as pairs) and bridged strings (as the pairs they add to its words), the
    /// pairs it weighs, its characters (<see cref="Closeness"/>), and the descriptions holding each pair.
    /// </summary>
    private sealed record Described(
        List<(string Formulation, string[][] Words, string[] Own)> Descriptions,
        List<HashSet<char>> Characters,
        Dictionary<string, List<int>> ByPair);
}
