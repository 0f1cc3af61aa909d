namespace SpeechArchive.Search;

/// <summary>
/// The free-text order. Free text (<see cref="FreeTextQuery"/>) is ranked by tiers and a fusion of its words' BM25 with its
/// meaning (<c>Ranker.FreeText.cs</c>); what tells the passages squarely about it among the first pages is read here, as the
/// topical order reads a term's: how much of the query a passage holds (its words weighted by rarity), how
/// often and how early, in its heading, a formulation the query describes (and whether the one read first), its nearness to the query's meaning as a
/// cosine rather than a rank, and its nearness to what the other best passages say where they hold the query's words. The
/// best <see cref="TopicalDepth"/> are ordered again by a linear score of those features (<see cref="FreeTextFeatureNames"/>),
/// each within its tier (ranked first by a title, kept; as written; near; the rest), with the weights of its reading: a question's
/// (<see cref="FreeTextWeights"/>) or a statement's (<see cref="StatementWeights"/>). Both are learned from the judged pairs
/// of the tune split's needs and of the needs written to learn from (tune2-needs.tsv), each by the reading it gets, by
/// <c>eval-topical --learn-order</c> (docs/relevance.md).
/// </summary>
internal static partial class Ranker
{
    /// <summary>The features' names, in the order <see cref="FreeTextRows"/> gives them and <see cref="FreeTextWeights"/> and <see cref="StatementWeights"/> weigh them.</summary>
    public static readonly string[] FreeTextFeatureNames =
    [
        "log length", "log(1 + occurrences)", "first occurrence", "in first sentence", "in own heading", "occurrences per 100", "score share", "meaning",
        "words held", "formulation", "meaning alone", "near what holds the words", "first formulation",
    ];

    /// <summary>How many of the best the nearness feature reads (<see cref="NearWhatHoldsTheWords"/>).</summary>
    private const int NearDepth = 10;

    /// <summary>
    /// The features' weights (per unit of each feature), as <c>eval-topical --learn-order</c> prints them: pairwise logistic
    /// regression over every judged pair of passages in one tier with different grades among the best 50 of the tune split's
    /// needs read as questions (questions, and paraphrases asked as one: 政府管不管), and of the thirty questions written to
    /// learn from (tune2-needs.tsv; docs/relevance.md, thirty-fifth session), learned again when formulations reached
    /// everyday words (thirty-sixth session), with the rows a wider glossary brought in, judged (thirty-seventh), and with the
    /// rows a nearness to the best ten brought in, judged (thirty-eighth; the nearness set aside: docs/relevance.md), and
    /// with a twelfth feature, the nearness to what holds the words, and its rows judged (thirty-ninth), and with the rows
    /// formulations read in order and two experiments on questions brought in, judged (forty-second), and with the rows a
    /// second judge's order of the first twenty brought in, judged (forty-fifth), and with those 文化大革命 → 十年内乱 brought in,
    /// judged (forty-sixth), and with twenty-seven more paraphrases written to learn from, judged (forty-seventh), and with
    /// thirty more questions written to learn from and the first twenty of every need it learns from, judged (forty-eighth),
    /// and when traditional characters came to be folded, with the rows that brought in judged (fiftieth), and after the base
    /// data was learned again (fifty-first) and xi-2020's rough titles were mended (fifty-second), and when a lowered minimum
    /// stopped counting passages holding only common words, with the two rows that brought in judged (fifty-fifth), and when
    /// passages of twin speeches cut at other places came to be one text, graded as one (sixtieth), and with a thirteenth
    /// feature, whether the passage holds the formulation read first rather than only the second (sixty-first), and when a
    /// potential complement came to be read inside an everyday key (看得起病 → 看不起病), with the row that brought in judged
    /// (sixty-third), and with the 217 rows a wider glossary brought in, judged (sixty-fourth; its formulations are read for
    /// statements only), and with the 272 rows the reader's new features and descriptions brought in, judged (sixty-fifth), and when a
    /// question's answer words (举措, 办法) came to be dropped, with the five rows that brought in judged (sixty-sixth), and with
    /// the 44 rows a wider table of everyday words (工钱, 干活, 瞧病) brought in, judged (sixty-seventh; the table set aside).
    /// </summary>
    internal static readonly double[] FreeTextWeights = [0.2280, 0.1581, -0.1123, 0.2780, -0.1473, 0.0089, 1.5905, 1.4206, 0.1064, 0.3508, 0.3657, 1.7322, 0.1991];

    /// <summary>
    /// The statement order's weights (per unit of each feature): the same features, learned by <c>eval-topical --learn-order</c>
    /// from the judged pairs of the free text that asks nothing (paraphrases: 河里的水又黑又臭) of the tune split and of the
    /// paraphrases written to learn from (tune2-needs.tsv; docs/relevance.md, thirty-ninth session), over the pairs of the tier
    /// it reorders (<see cref="StatementsFromTier"/>); learned again when a formulation came to need two things the query says,
    /// not one word's overlapping pairs (fortieth session; the questions' weights came out as before), with the learning set's
    /// last unjudged row judged (forty-first), when statements came to be read by their characters in order too, with the rows
    /// that brought in judged (forty-second), and when statements came to be read by <see cref="FormulationReader"/>, with the
    /// rows that brought in judged (forty-third), and with the rows a deeper glossary brought in, judged (forty-fourth; the
    /// glossary set aside), and those a second judge's order brought in (forty-fifth), and when keys said with a particle inside
    /// (出了事) and a few everyday words of the tune split were read, with the rows they brought in judged (forty-sixth), and when a
    /// key running into the word after it was cut out again (洋 | 货运 → 洋货 | 运), with the rows that brought in judged, and with
    /// twenty-seven more paraphrases written to learn from, judged (forty-seventh), and with the first twenty of every need it
    /// learns from, judged (forty-eighth), and when traditional characters came to be folded, with the rows that brought in
    /// judged (fiftieth), and again in the fifty-first, fifty-second, fifty-fifth and sixtieth sessions, and with the first
    /// formulation read told from the second (sixty-first: 老百姓手里有钱也舍不得花 reads 扩大内需, then 居家养老 from 舍不得; the
    /// second's passages came first, test paraphrases 0.727 → 0.754), and with thirty rows a stricter common-word rule brought in,
    /// judged (sixty-second: the rule set aside), and when a rare word came to keep a character every passage of it holds it with
    /// (开口 + 子, 打 + 交道 of two paraphrases; no top ten moved), and with the 217 rows a wider glossary brought in, judged
    /// (sixty-fourth), and when that glossary's 641 formulations came to be read for statements only (Thesaurus.StatementOnly),
    /// and when the reader came to weigh what a formulation's descriptions say between them (its threshold 4.5, the 65 rows that
    /// brought in judged), and then read six more descriptions of every formulation (its threshold 4.25, the 207 rows that
    /// brought in judged; sixty-fifth), and with the 44 rows a wider table of everyday words brought in, judged (sixty-seventh;
    /// the table set aside). A statement's words are a weaker guide than a question's (most are everyday words the texts do not use), so its order
    /// leans on meaning and on the formulations it describes.
    /// </summary>
    internal static readonly double[] StatementWeights = [0.0950, 0.0917, 0.1735, -0.1580, -0.1682, 0.0586, 0.8988, 1.4089, -0.8312, 0.5507, 0.2566, 1.7776, 1.2417];

    /// <summary>
    /// The first tier a statement's order reorders (the rest, <see cref="FreeTextTier"/>): the passages holding a run of it as
    /// written or most of it in order keep the fused order, which puts the clause a writer half-remembers first (a
    /// known-item query is a statement; ordered in every tier, the held-out known items' MRR@10 fell from 0.994 to 0.917).
    /// </summary>
    internal const int StatementsFromTier = 3;

    /// <summary>
    /// The first tier a question's order reorders: all but the passages ranked first for their speech's title
    /// (<see cref="Ranking.Titled"/>), which no learned feature describes (their scores, a title's coverage, would make every
    /// other passage's score share about 0).
    /// </summary>
    internal const int QuestionsFromTier = 1;

    /// <summary>
    /// Whether a query gets the free-text order: free text (<see cref="TakesFreeTextOrder"/>) ranked with its meaning, by the
    /// main search, by relevance, one hit per passage, with the order asked for.
    /// </summary>
    public static bool OrdersFreeText(UnderstoodQuery query, Ranking ranking) =>
        TakesFreeTextOrder(query.FreeText, ranking) && query.Request is { Mode: SearchMode.Understood, Sort: SearchSort.Relevance, GroupBySpeech: false, OrderTopically: true };

    /// <summary>
    /// Whether free text of this reading and ranking takes the free-text order: a question (<see cref="FreeTextQuery.Question"/>,
    /// weighed by <see cref="FreeTextWeights"/>) or a statement (<see cref="StatementWeights"/>) whose meaning took part in its
    /// ranking (the orders weigh its cosines most: ranked by its words alone, the same order learned without them orders no
    /// better; docs/relevance.md), among speech paragraphs: learned on speeches, it is not applied where the counted passages
    /// are mostly short (<see cref="Ranking.MostlyShort"/>: articles of law, weighed by the share of the words they hold instead).
    /// </summary>
    internal static bool TakesFreeTextOrder(FreeTextQuery? free, Ranking ranking) =>
        free is { Plain: false } && ranking is { MeaningQuery: not null, MostlyShort: false };

    /// <summary>
    /// <paramref name="best"/> (best first) with its first <see cref="TopicalDepth"/> ordered again by the free-text score,
    /// each within its tier; the scores stay in their places, so the page still reads best first.
    /// </summary>
    public static List<(int Doc, double Score, int Date)> OrderFreeText(IndexSnapshot index, UnderstoodQuery query, Ranking ranking,
        WordMatches matches, List<(int Doc, double Score, int Date)> best) =>
        OrderWithinTiers(best, query.FreeText!.Question ? FreeTextWeights : StatementWeights, n => FreeTextRows(index, query, ranking, matches, best, n),
            query.FreeText.Question ? QuestionsFromTier : StatementsFromTier);

    /// <summary>
    /// The tier (0 ranked first by a title, 1 as written, 2 near, 3 the rest: <see cref="FreeTextTier"/>) and features of the first <paramref name="n"/> of <paramref name="best"/>
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
        var tierBest = new double[4];
        for (var i = 0; i < n; i++)
        {
            var tier = tiers[i] = FreeTextTier(ranking, best[i].Doc);
            tierBest[tier] = Math.Max(tierBest[tier], TierScore(best[i].Score, tier));
        }

        var holds = new double[n];
        for (var i = 0; i < n; i++)
        {
            holds[i] = held(best[i].Doc);
        }

        var near = NearWhatHoldsTheWords(index, vectors, best, holds);
        var rows = new (int Tier, double[] Features)[n];
        for (var i = 0; i < n; i++)
        {
            var doc = best[i].Doc;
            var tier = tiers[i];
            var share = tierBest[tier] > 0 ? TierScore(best[i].Score, tier) / tierBest[tier] : 0;
            var common = TopicalFeatures(index, doc, topical, share);
            rows[i] = (tier,
            [
                .. common, holds[i], formulations.Any(f => Array.BinarySearch(f, doc) >= 0) ? 1 : 0,
                Array.BinarySearch(ranking.Meaning, doc) >= 0 ? 1 : 0, holds[i] > 0 ? holds[i] * near(i) : 0,
                formulations.Count > 0 && Array.BinarySearch(formulations[0], doc) >= 0 ? 1 : 0,
            ]);
        }

        return rows;
    }

    /// <summary>
    /// How near each of the first passages of <paramref name="best"/> is to what the others among the best
    /// <see cref="NearDepth"/> say where they hold the query's words: the cosine of its vector with the sum of theirs, each
    /// weighted by the share of the words it holds (<paramref name="holds"/>), a text printed more than once counted once and
    /// the passage's own reprints left out. The order weighs it times the passage's own share (a passage holding none of the
    /// words gains nothing by being near them): over an archive on a single theme, every passage is near the best ten, and
    /// the words must still decide (docs/relevance.md, thirty-eighth and thirty-ninth sessions).
    /// </summary>
    private static Func<int, double> NearWhatHoldsTheWords(IndexSnapshot index, Semantics.PassageVectors? vectors,
        IReadOnlyList<(int Doc, double Score, int Date)> best, double[] holds)
    {
        var k = Math.Min(NearDepth, holds.Length);
        if (vectors is null || k < 2)
        {
            return _ => 0;
        }

        // The best k's vectors, those that count (holding some of the words, each text once), and the sum of them.
        var reprints = SearchStructures.Of(index).Reprints;
        var own = new float[k][];
        var groups = new int[k];
        var counted = new List<int>(k);
        var all = new double[vectors.Dimensions];
        for (var j = 0; j < k; j++)
        {
            own[j] = vectors.VectorOf(best[j].Doc);
            groups[j] = reprints.GroupOf(best[j].Doc);
            if (holds[j] > 0 && (groups[j] < 0 || Array.IndexOf(groups, groups[j], 0, j) < 0))
            {
                counted.Add(j);
                Add(all, own[j], holds[j]);
            }
        }

        var others = new double[all.Length];
        return i =>
        {
            // The sum less the passage itself and its reprints, where they count.
            Array.Copy(all, others, all.Length);
            var group = reprints.GroupOf(best[i].Doc);
            foreach (var at in counted)
            {
                if (at == i || (group >= 0 && groups[at] == group))
                {
                    Add(others, own[at], -holds[at]);
                }
            }

            var mine = i < k ? own[i] : vectors.VectorOf(best[i].Doc);
            double dot = 0, norm = 0;
            for (var d = 0; d < others.Length; d++)
            {
                dot += others[d] * mine[d];
                norm += others[d] * others[d];
            }

            return norm > 1e-12 ? dot / Math.Sqrt(norm) : 0;
        };

        static void Add(double[] sum, float[] vector, double weight)
        {
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += weight * vector[d];
            }
        }
    }

    /// <summary>A score less its tier's base (<see cref="AsWrittenTier"/>, <see cref="NearTier"/>), so shares compare within a tier.</summary>
    private static double TierScore(double score, int tier) => tier switch
    {
        0 or 1 => score - AsWrittenTier,
        2 => score - NearTier,
        _ => score,
    };

    /// <summary>
    /// The free-text tier of a passage: 0 ranked first for its speech's title (<see cref="Ranking.Titled"/>), 1 holding a run
    /// as written, 2 holding most of the query in order, 3 the rest.
    /// </summary>
    private static int FreeTextTier(Ranking ranking, int doc) =>
        Array.BinarySearch(ranking.Titled, doc) >= 0 ? 0
        : ranking.AsWritten is { } written && Array.BinarySearch(written, doc) >= 0 ? 1
        : ranking.Near is { } near && near.ContainsKey(doc) ? 2 : 3;

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
