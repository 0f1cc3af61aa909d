namespace SpeechArchive.Search;

/// <summary>
/// The free-text order. A question (<see cref="FreeTextQuery"/>) is ranked by tiers and a fusion of its words' BM25 with its
/// meaning (<c>Ranker.FreeText.cs</c>); what tells the passages squarely about it among the first pages is read here, as the
/// topical order reads a term's: how much of the query a passage holds (its words weighted by rarity), how
/// often and how early, in its heading, a formulation the query describes, and its nearness to the query's meaning as a
/// cosine rather than a rank. The best <see cref="TopicalDepth"/> are ordered again by a linear score of those features
/// (<see cref="FreeTextFeatureNames"/>), each within its tier (as written, near, the rest); the weights are learned from the
/// judged pairs of the tune split's needs read as questions, and of the questions written to learn from (tune2-needs.tsv), by
/// <c>eval-topical --learn-order</c> (docs/relevance.md).
/// </summary>
internal static partial class Ranker
{
    /// <summary>The features' names, in the order <see cref="FreeTextRows"/> gives them and <see cref="FreeTextWeights"/> weighs them.</summary>
    public static readonly string[] FreeTextFeatureNames =
    [
        "log length", "log(1 + occurrences)", "first occurrence", "in first sentence", "in own heading", "occurrences per 100", "score share", "meaning",
        "words held", "formulation", "meaning alone",
    ];

    /// <summary>
    /// The features' weights (per unit of each feature), as <c>eval-topical --learn-order</c> prints them: pairwise logistic
    /// regression over every judged pair of passages in one tier with different grades among the best 50 of the tune split's
    /// needs read as questions (questions, and paraphrases asked as one: 政府管不管), and of the thirty questions written to
    /// learn from (tune2-needs.tsv; docs/relevance.md, thirty-fifth session), learned again when formulations reached
    /// everyday words (thirty-sixth session), with the rows a wider glossary brought in, judged (thirty-seventh), and with the
    /// rows a nearness to the best ten brought in, judged (thirty-eighth; the nearness set aside: docs/relevance.md).
    /// </summary>
    internal static readonly double[] FreeTextWeights = [0.0963, 0.3535, -0.4173, 0.3507, -0.2452, 0.0159, 1.5120, 2.0709, 0.7525, 0.1367, 0.4149];

    /// <summary>
    /// Whether a query gets the free-text order: a question (<see cref="TakesFreeTextOrder"/>) ranked with its meaning (the order
    /// weighs its cosines most: ranked by its words alone, the same order learned without them orders no better; docs/relevance.md),
    /// by the main search, by relevance, one hit per passage, with the order asked for.
    /// </summary>
    public static bool OrdersFreeText(UnderstoodQuery query, Ranking ranking) =>
        TakesFreeTextOrder(query.FreeText, ranking) && query.Request is { Mode: SearchMode.Understood, Sort: SearchSort.Relevance, GroupBySpeech: false, OrderTopically: true };

    /// <summary>
    /// Whether free text of this reading and ranking takes the free-text order: a question (<see cref="FreeTextQuery.Question"/>)
    /// whose meaning took part in its ranking, among speech paragraphs. Learned for all free text, the order did not help free
    /// text asking nothing (paraphrases: 河里的水又黑又臭, whose words are too weak a guide to what it is about), even on the
    /// needs it was learned from; learned on speeches, it is not applied where the counted passages are mostly short
    /// (<see cref="Ranking.MostlyShort"/>: articles of law, weighed by the share of the words they hold instead).
    /// </summary>
    internal static bool TakesFreeTextOrder(FreeTextQuery? free, Ranking ranking) =>
        free is { Plain: false, Question: true } && ranking is { MeaningQuery: not null, MostlyShort: false };

    /// <summary>
    /// <paramref name="best"/> (best first) with its first <see cref="TopicalDepth"/> ordered again by the free-text score,
    /// each within its tier; the scores stay in their places, so the page still reads best first.
    /// </summary>
    public static List<(int Doc, double Score, int Date)> OrderFreeText(IndexSnapshot index, UnderstoodQuery query, Ranking ranking,
        WordMatches matches, List<(int Doc, double Score, int Date)> best) =>
        OrderWithinTiers(best, FreeTextWeights, n => FreeTextRows(index, query, ranking, matches, best, n));

    /// <summary>
    /// The tier (0 as written, 1 near, 2 the rest) and features of the first <paramref name="n"/> of <paramref name="best"/>
    /// (best first): what the order weighs, and what <c>eval-topical --learn-order</c> learns from.
    /// </summary>
    internal static (int Tier, double[] Features)[] FreeTextRows(IndexSnapshot index, UnderstoodQuery query, Ranking ranking, WordMatches matches,
        IReadOnlyList<(int Doc, double Score, int Date)> best, int n)
    {
        var free = query.FreeText!;
        var forms = free.Slots.SelectMany(s => s.Words.Concat(s.Expansions)).Concat(free.Formulations).Select(w => w.MatchForm).Distinct().ToList();
        var vectors = ranking.MeaningQuery is null ? null : SearchStructures.Of(index).PassageVectors;
        var topical = new TopicalQuery(forms, vectors, ranking.MeaningQuery);
        var held = WordsHeld(index, free, matches);
        var formulations = free.Formulations.Select(f => matches.Affirmed(f).Docs).ToList();

        var tiers = new int[n];
        var tierBest = new double[3];
        for (var i = 0; i < n; i++)
        {
            var tier = tiers[i] = FreeTextTier(ranking, best[i].Doc);
            tierBest[tier] = Math.Max(tierBest[tier], TierScore(best[i].Score, tier));
        }

        var rows = new (int Tier, double[] Features)[n];
        for (var i = 0; i < n; i++)
        {
            var doc = best[i].Doc;
            var tier = tiers[i];
            var share = tierBest[tier] > 0 ? TierScore(best[i].Score, tier) / tierBest[tier] : 0;
            var common = TopicalFeatures(index, doc, topical, share);
            rows[i] = (tier,
            [
                .. common, held(doc), formulations.Any(f => Array.BinarySearch(f, doc) >= 0) ? 1 : 0,
                Array.BinarySearch(ranking.Meaning, doc) >= 0 ? 1 : 0,
            ]);
        }

        return rows;
    }

    /// <summary>A score less its tier's base (<see cref="AsWrittenTier"/>, <see cref="NearTier"/>), so shares compare within a tier.</summary>
    private static double TierScore(double score, int tier) => tier switch
    {
        0 => score - AsWrittenTier,
        1 => score - NearTier,
        _ => score,
    };

    /// <summary>The free-text tier of a passage: 0 holding a run as written, 1 holding most of the query in order, 2 the rest.</summary>
    private static int FreeTextTier(Ranking ranking, int doc) =>
        ranking.AsWritten is { } written && Array.BinarySearch(written, doc) >= 0 ? 0
        : ranking.Near is { } near && near.ContainsKey(doc) ? 1 : 2;

    /// <summary>
    /// The share of the query's words a passage holds, each weighted by its rarity (log of the passages over those holding
    /// it): a word is held through itself, its parts, a thesaurus term, or all its components.
    /// </summary>
    private static Func<int, double> WordsHeld(IndexSnapshot index, FreeTextQuery free, WordMatches matches)
    {
        var total = Math.Max(1, index.Passages.Count);
        var slots = new List<(double Weight, int[][] Any, int[][] All)>();
        foreach (var slot in free.Slots)
        {
            var any = slot.Words.Concat(slot.Expansions).Select(w => matches.InText(w).Docs).ToArray();
            var all = slot.Components.Count > 1 ? slot.Components.Select(w => matches.InText(w).Docs).ToArray() : [];
            var own = slot.Words.Count > 0 ? matches.InText(slot.Words[0]).Docs.Length : any.Select(d => d.Length).DefaultIfEmpty(0).Max();
            slots.Add((Math.Log(1 + ((double)total / Math.Max(1, own))), any, all));
        }

        var sum = slots.Sum(s => s.Weight);
        return doc =>
        {
            if (sum <= 0)
            {
                return 0;
            }

            var got = 0.0;
            foreach (var (weight, any, all) in slots)
            {
                if (any.Any(d => Array.BinarySearch(d, doc) >= 0) || (all.Length > 0 && all.All(d => Array.BinarySearch(d, doc) >= 0)))
                {
                    got += weight;
                }
            }

            return got / sum;
        };
    }
}
