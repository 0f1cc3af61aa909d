namespace SpeechArchive.Search;

/// <summary>
/// The topical order. A query matched strictly (a term or two found as written: 西部大开发, 下岗职工 再就业) has every passage
/// of its first pages holding it; what tells the passages squarely about it from those naming it in passing is not BM25,
/// whose length norm favours the short mentions, but how a passage treats the term: a longer passage, the term written more
/// often and earlier, in its first sentence, in the clause it opens with (二是大力发展职业教育，…) or its own heading, and the
/// passage as a whole near the term's meaning. The best
/// <see cref="TopicalDepth"/> strict matches are ordered again by a linear score of those features (<see cref="TopicalFeatures"/>),
/// each within the tier the strict ranking gave it (<see cref="Tier"/>); the weights are learned from the judged pairs of the tune split's topics and
/// the topics written to learn from (tune2-needs.tsv) by <c>eval-topical --learn-order</c> (<c>Writing/TopicalOrderLearner</c>; docs/relevance.md).
/// </summary>
internal static partial class Ranker
{
    /// <summary>How many of the best strict matches the topical order reorders.</summary>
    public const int TopicalDepth = 50;

    /// <summary>
    /// A query matched by this many passages or more is a common word rather than a topic (依法, 加强: the broad words whose
    /// best are found by skipping blocks of their postings): it keeps BM25's order, which costs it nothing beyond its page.
    /// Every topic of the evaluation's sets is held by fewer than 150 passages of its index.
    /// </summary>
    public const int TopicalBelow = 2048;

    /// <summary>The features' names, in the order <see cref="TopicalRows"/> gives them (the first eight <see cref="TopicalFeatures"/>', the ninth <see cref="InLeadClause"/>) and <see cref="TopicalWeights"/> weighs them.</summary>
    public static readonly string[] TopicalFeatureNames =
        ["log length", "log(1 + occurrences)", "first occurrence", "in first sentence", "in own heading", "occurrences per 100", "score share", "meaning", "in lead clause"];

    /// <summary>
    /// The features' weights (per unit of each feature), as <c>eval-topical --learn-order</c> prints them: pairwise logistic
    /// regression over every judged pair of passages in one tier with different grades among the best 50 of the tune split's topics
    /// and of the thirty topics written to learn from (tune2-needs.tsv; docs/relevance.md, thirty-fifth session), with the rows
    /// a second judge's order of the first twenty brought in, judged (forty-fifth), and with twenty more topics written to learn
    /// from and the first twenty of every topic it learns from, judged (forty-eighth), and when traditional characters came
    /// to be folded, with the rows that brought in judged (fiftieth), and after the base data was learned again (fifty-first)
    /// and xi-2020's rough titles were mended (fifty-second), and with a ninth feature, the term in the clause the passage
    /// opens with (after a point marker), not as an item of a list, and the fourteen rows it and its first form brought in
    /// judged (sixty-sixth).
    /// </summary>
    internal static readonly double[] TopicalWeights = [0.3295, 1.3234, -0.8610, 0.1997, 0.9482, -0.2063, 1.5515, 2.6017, 1.1210];

    /// <summary>
    /// Whether a query gets the topical order: the main search's strict matching (no free-text reading) by relevance, one hit
    /// per passage, with words, the order asked for, and fewer passages than <see cref="TopicalBelow"/> matched. Exact mode
    /// and plain words keep their own order.
    /// </summary>
    public static bool OrdersTopically(UnderstoodQuery query, Ranking ranking) =>
        query.Understanding is not null && query.FreeText is null && query.Original.Required.Count > 0
        && query.Request is { Mode: SearchMode.Understood, Sort: SearchSort.Relevance, GroupBySpeech: false, OrderTopically: true }
        && (ranking.Scored?.Count ?? ranking.Single?.Docs.Length ?? ranking.Expanded?.Count ?? int.MaxValue) < TopicalBelow;

    /// <summary>
    /// What the topical features of a query's passages are measured against: its words as typed and their thesaurus terms
    /// (match form), and its meaning (none when meaning is off or the passages' vectors cannot be had).
    /// </summary>
    private sealed record TopicalQuery(IReadOnlyList<string> Words, Semantics.PassageVectors? Vectors, float[]? Vector)
    {
        public static TopicalQuery Of(IndexSnapshot index, UnderstoodQuery query, WordMatches matches)
        {
            var typed = query.Original.Required.SelectMany(c => c.Alternatives).DistinctBy(w => w.MatchForm).ToDictionary(w => w.MatchForm);
            var words = query.Query.Required.SelectMany(c => c.Alternatives).Select(w => w.MatchForm).Distinct().ToList();
            var vectors = query.Request is { Expand: true, ByMeaning: true } ? VectorsOrNone(index) : null;

            // The term's meaning from the words as typed; one the vectors do not know is read from the passages holding it, as
            // free text reads it (MeaningSearch).
            var vector = vectors?.Query(typed.Keys, w => typed.TryGetValue(w, out var word) ? matches.Get(word).Docs : []);
            return new TopicalQuery(words, vectors, vector);
        }

        /// <summary>
        /// The passages' vectors (waiting for them as free text does, after a load), or none when they cannot be built: a
        /// failed build costs the order its meaning feature, not the search.
        /// </summary>
        private static Semantics.PassageVectors? VectorsOrNone(IndexSnapshot index)
        {
            try
            {
                return SearchStructures.Of(index).PassageVectors;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or SpeechArchiveException or Microsoft.Data.Sqlite.SqliteException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// <paramref name="best"/> (best first) with its first <see cref="TopicalDepth"/> ordered again by the topical score,
    /// each within its tier (<see cref="Tier"/>: as typed above thesaurus terms, run together as typed above apart); the
    /// features and the query's meaning are read only here, when there are two or more to order; the scores stay in their
    /// places, so the page still reads best first.
    /// </summary>
    public static List<(int Doc, double Score, int Date)> OrderTopically(IndexSnapshot index, UnderstoodQuery query, Ranking ranking,
        WordMatches matches, List<(int Doc, double Score, int Date)> best) =>
        OrderWithinTiers(best, TopicalWeights, n => TopicalRows(index, query, ranking, matches, best, n));

    /// <summary>
    /// <paramref name="best"/> (best first) with its first <see cref="TopicalDepth"/> ordered again by a linear score of their
    /// features under <paramref name="weights"/>, each within its tier; the rows (<paramref name="rowsOf"/> the first n) are
    /// read only when there are two or more to order, and the scores stay in their places, so the page still reads best
    /// first; the tiers below <paramref name="fromTier"/> keep the order they came in. The topical order's and the free-text
    /// order's (<c>Ranker.FreeTextOrder.cs</c>) one way of ordering.
    /// </summary>
    private static List<(int Doc, double Score, int Date)> OrderWithinTiers(List<(int Doc, double Score, int Date)> best, double[] weights,
        Func<int, (int Tier, double[] Features)[]> rowsOf, int fromTier = 0)
    {
        var n = Math.Min(TopicalDepth, best.Count);
        if (n < 2)
        {
            return best;
        }

        var ordered = TierOrder(rowsOf(n), weights, fromTier);
        var result = new List<(int Doc, double Score, int Date)>(best.Count);
        for (var i = 0; i < n; i++)
        {
            var from = best[ordered[i]];
            result.Add((from.Doc, best[i].Score, from.Date));
        }

        result.AddRange(best.Skip(n));
        return result;
    }

    /// <summary>
    /// The order of <paramref name="rows"/> (best first) an order gives them: by tier, then, within each tier from
    /// <paramref name="fromTier"/> on, by the linear score of their features under <paramref name="weights"/>, ties and the
    /// tiers below as they came; as positions into <paramref name="rows"/>. What the search does (<see cref="OrderWithinTiers"/>)
    /// and what <c>eval-topical --leave-one-out</c> scores.
    /// </summary>
    internal static int[] TierOrder(IReadOnlyList<(int Tier, double[] Features)> rows, double[] weights, int fromTier)
    {
        var keys = new (int Tier, double Score, int At)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var score = 0.0;
            if (rows[i].Tier >= fromTier)
            {
                for (var f = 0; f < rows[i].Features.Length; f++)
                {
                    score += weights[f] * rows[i].Features[f];
                }
            }

            keys[i] = (rows[i].Tier, score, i);
        }

        return [.. keys.OrderBy(k => k.Tier).ThenByDescending(k => k.Score).ThenBy(k => k.At).Select(k => k.At)];
    }

    /// <summary>
    /// The tier and features of the first <paramref name="n"/> of <paramref name="best"/> (best first): what the order weighs,
    /// and what <c>eval-topical --learn-order</c> learns from (<see cref="Searcher.TopicalCandidates"/>).
    /// </summary>
    internal static (int Tier, double[] Features)[] TopicalRows(IndexSnapshot index, UnderstoodQuery query, Ranking ranking, WordMatches matches,
        IReadOnlyList<(int Doc, double Score, int Date)> best, int n)
    {
        var topical = TopicalQuery.Of(index, query, matches);
        var top = best.Count > 0 ? best[0].Score : 0;
        var rows = new (int Tier, double[] Features)[n];
        for (var i = 0; i < n; i++) // fifty short passages: less work than sharing it between the cores
        {
            var share = top > 0 ? best[i].Score / top : 0;
            rows[i] = (Tier(index, query, ranking, best[i].Doc), [.. TopicalFeatures(index, best[i].Doc, topical, share), InLeadClause(index, best[i].Doc, topical.Words) ? 1 : 0]);
        }

        return rows;
    }

    /// <summary>
    /// The features the topical order and the free-text orders share (the first eight of <see cref="TopicalFeatureNames"/>) for one passage, read from its match text
    /// written into a pooled buffer (not kept: the order reads fifty passages of every query).
    /// </summary>
    private static double[] TopicalFeatures(IndexSnapshot index, int doc, TopicalQuery query, double scoreShare)
    {
        var passage = index.Passages[doc];
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, passage.End - passage.Start));
        try
        {
            ReadOnlySpan<char> text = buffer.AsSpan(0, Analysis.MatchText.Write(passage.SourceText, passage.Start, passage.End, buffer));
            var length = Math.Max(1, text.Length);
            var firstSentence = text.IndexOf(Analysis.MatchText.Break) is var end and >= 0 ? text[..end] : text;
            var heading = LastHeading(passage.SectionPath);
            var (count, first, inFirst, inHeading) = (0, length, false, false);
            foreach (var word in query.Words)
            {
                // Whole occurrences, as the match counts them (十大 is none of 二十大's: MatchText.IsWholeAt).
                for (var at = Analysis.MatchText.HoldsWholeFrom(text, word, 0); at >= 0; at = Analysis.MatchText.HoldsWholeFrom(text, word, at + word.Length))
                {
                    first = Math.Min(first, at);
                    count++;
                }

                inFirst |= Analysis.MatchText.HoldsWhole(firstSentence, word);
                inHeading |= Analysis.MatchText.HoldsWhole(heading, word);
            }

            var meaning = query is { Vectors: { } vectors, Vector: { } vector } ? vectors.Similarity(vector, doc) : 0;
            return
            [
                Math.Log(length), Math.Log(1 + count), (double)first / length, inFirst ? 1 : 0, inHeading ? 1 : 0, count * 100.0 / length,
                scoreShare, meaning,
            ];
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Whether the clause a passage opens with holds one of <paramref name="words"/> (match forms) whole, and not as one item of
    /// a list: a passage that opens by naming the term (二是大力发展职业教育，…; 国有企业改革是经济体制改革的中心环节，…) is about it more
    /// often than one whose first sentence reaches it after a comma or two (教育是国家发展的基石，…，大力发展职业教育) or that opens on
    /// a list of tasks (统筹推进西部大开发、东北振兴、中部崛起). The clause begins after a point marker (一是, 第一，, 一、, （一）:
    /// <see cref="Classification.SentenceBody"/>) and ends at the first sentence end or clause mark the match text knows (a comma
    /// or colon between digits, 1,000 or 10:30, is none); a list mark (、) before it makes it a list. Written in match form, so
    /// traditional characters and full-width forms are read as the words are. The topical order's ninth feature (sixty-sixth
    /// session: learning topics 0.903 → 0.911 left out one at a time; 0.908 with lists counted); the free-text orders do not weigh it.
    /// </summary>
    internal static bool InLeadClause(IndexSnapshot index, int doc, IReadOnlyList<string> words)
    {
        var passage = index.Passages[doc];
        var source = passage.SourceText[passage.Start..passage.End];
        var start = Classification.SentenceBody.BodyStart(source, 0, source.Length);
        var end = start;
        for (; end < source.Length; end++)
        {
            var c = Analysis.TextNormalizer.Fold(source[end]);
            if (c is '、' or '､' or '﹑')
            {
                return false; // one item of a list the passage opens on
            }

            var between = c is ',' or ':' && end > start && end + 1 < source.Length && char.IsAsciiDigit(source[end - 1]) && char.IsAsciiDigit(source[end + 1]);
            if (!between && (Analysis.TextNormalizer.KindOf(c) == Analysis.CharKind.Hard || Analysis.MatchText.IsClauseMark(c)))
            {
                break;
            }
        }

        var lead = Analysis.MatchText.Build(source, start, end);
        return words.Any(word => Analysis.MatchText.HoldsWhole(lead, word));
    }

    /// <summary>The innermost heading of a section path (headings joined by " › "), in match form; empty for none.</summary>
    private static string LastHeading(string path) =>
        path.Length == 0 ? "" : Analysis.MatchText.Build(path, path.LastIndexOf(" › ", StringComparison.Ordinal) is var at and >= 0 ? at + 3 : 0, path.Length);

    /// <summary>
    /// The tier the strict ranking put a passage in, which the topical order keeps: 0; 1 for a passage that does not hold
    /// the query's words run together as typed, where it has several (the proximity reward) or one phrase that may match
    /// across punctuation (the preference for it as written); 2 for one found only through a thesaurus term (below every
    /// passage holding the words as typed).
    /// </summary>
    private static int Tier(IndexSnapshot index, UnderstoodQuery query, Ranking ranking, int doc) =>
        ranking.ExactDocs is { } exact && Array.BinarySearch(exact, doc) < 0 ? 2
        : (query.PrefersAsWritten || query.RewardsProximity) && !NearMatcher.OccursAsWritten(index, doc, query.Probe!) ? 1 : 0;
}
