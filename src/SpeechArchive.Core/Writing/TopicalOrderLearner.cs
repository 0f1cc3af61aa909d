using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Learns the topical order's weights (<c>Search/Ranker.Topical.cs</c>) and the free-text order's (<c>Search/Ranker.FreeTextOrder.cs</c>)
/// from judged passages: for every topic need of the tune split, the best strict matches in BM25's order with their features
/// (for every question or paraphrase, the best free-text matches in the fused order, apart for those read as questions and
/// as statements); for every two of them in one tier the order reorders judged with different grades, the difference of their
/// standardised features should score positive (pairwise logistic regression, RankNet's loss
/// on a linear scorer, L2-regularised, Newton's method from zero to convergence: deterministic). The weights are given per unit of each feature.
/// </summary>
public static class TopicalOrderLearner
{
    /// <summary>L2 penalty on the standardised weights (chosen by leaving one tune need out at a time: docs/relevance.md).</summary>
    public const double Regularisation = 0.1;

    /// <summary>At most this many steps; the fit stops before, once the gradient is this small in every weight.</summary>
    private const int Rounds = 100;

    private const double Converged = 1e-10;

    /// <summary>The topical order's weights learned from <paramref name="set"/>'s topic needs of the tune split.</summary>
    public static TopicalOrderModel Learn(Searcher searcher, TopicalSet set, bool leaveOneOut = false)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return Learn(set, ["topic"], searcher.TopicalCandidates, Ranker.TopicalFeatureNames, "the topical order", "matched strictly", leaveOneOut: leaveOneOut);
    }

    /// <summary>
    /// The free-text order's weights for questions learned from <paramref name="set"/>'s question and paraphrase needs of the
    /// tune split read as questions (<see cref="Searcher.FreeTextCandidates"/>).
    /// </summary>
    public static TopicalOrderModel LearnFreeText(Searcher searcher, TopicalSet set, bool leaveOneOut = false)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return Learn(set, ["question", "paraphrase"], q => searcher.FreeTextCandidates(q, question: true), Ranker.FreeTextFeatureNames,
            "the free-text order", "read as a question and ranked with its meaning", Ranker.QuestionsFromTier, leaveOneOut);
    }

    /// <summary>
    /// The free-text order's weights for statements (<c>Ranker.StatementWeights</c>) learned from <paramref name="set"/>'s
    /// question and paraphrase needs of the tune split read as asking nothing (河里的水又黑又臭).
    /// </summary>
    public static TopicalOrderModel LearnStatements(Searcher searcher, TopicalSet set, bool leaveOneOut = false)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return Learn(set, ["question", "paraphrase"], q => searcher.FreeTextCandidates(q, question: false), Ranker.FreeTextFeatureNames,
            "the statement order", "read as a statement and ranked with its meaning", Ranker.StatementsFromTier, leaveOneOut);
    }

    private static TopicalOrderModel Learn(TopicalSet set, string[] kinds, Func<string, List<(string Passage, int Tier, double[] Features)>> candidatesOf,
        string[] names, string order, string taken, int fromTier = 0, bool leaveOneOut = false)
    {
        ArgumentNullException.ThrowIfNull(set);
        var needs = set.Needs.Where(n => n.Split == "tune" && kinds.Contains(n.Kind)).ToList();
        var what = string.Join(" or ", kinds);
        if (needs.Count == 0)
        {
            throw new SpeechArchiveException($"the set has no {what} need of the tune split: nothing to learn {order} from");
        }

        // The needs the order takes, and the rows it reorders (the features are standardised over those).
        var candidates = needs.Select(n => (Need: n, Ranked: candidatesOf(n.Query))).Where(c => c.Ranked.Count > 0).ToList();
        var rows = candidates.SelectMany(c => c.Ranked.Where(r => r.Tier >= fromTier).Select(r => r.Features)).ToList();
        if (rows.Count == 0)
        {
            throw new SpeechArchiveException($"no {what} need of the tune split is {taken}: nothing to learn {order} from");
        }

        var mean = new double[names.Length];
        var spread = new double[names.Length];
        for (var f = 0; f < names.Length; f++)
        {
            mean[f] = rows.Average(r => r[f]);
            var sd = Math.Sqrt(rows.Average(r => (r[f] - mean[f]) * (r[f] - mean[f])));
            spread[f] = sd > 1e-9 ? sd : 1; // a feature that never varies gets no weight worth having
        }

        // Each need's judged pairs apart, so that a need can be left out of them.
        var pairsOf = candidates.Select(c => PairsOf(set, c.Need, c.Ranked, spread, fromTier)).ToList();
        var pairs = pairsOf.SelectMany(p => p).ToList();
        if (pairs.Count == 0)
        {
            throw new SpeechArchiveException($"no two passages of a {what} need of the tune split are judged with different grades: nothing to learn {order} from");
        }

        var weights = Fit(pairs, names.Length);
        return new TopicalOrderModel(names, [.. weights.Select((w, f) => w / spread[f])], weights, pairs.Count, candidates.Count, rows.Count)
        {
            LeftOut = leaveOneOut ? LeaveOneOut(set, candidates, pairsOf, spread, fromTier) : null,
        };
    }

    /// <summary>
    /// Every judged pair with different grades in one tier the order reorders (it never moves a passage out of its tier), better
    /// minus worse (standardised by <paramref name="spread"/>: the mean cancels in a difference).
    /// </summary>
    private static List<double[]> PairsOf(TopicalSet set, TopicalNeed need, List<(string Passage, int Tier, double[] Features)> ranked, double[] spread, int fromTier)
    {
        var pairs = new List<double[]>();
        var judged = ranked.Select(r => (Grade: set.Grade(need.Id, r.Passage), r.Tier, r.Features)).Where(r => r.Grade is not null).ToList();
        foreach (var better in judged)
        {
            foreach (var worse in judged.Where(w => w.Grade < better.Grade && w.Tier == better.Tier && w.Tier >= fromTier))
            {
                pairs.Add([.. spread.Select((s, f) => (better.Features[f] - worse.Features[f]) / s)]);
            }
        }

        return pairs;
    }

    /// <summary>
    /// What the order would do for a need it never saw: for each need in turn, the weights learned from the other needs' pairs
    /// (the same standardisation), its candidates ordered by them within their tiers as the search orders them, and nDCG@10
    /// of that order (reprints not folded; the need's own judgments give the ideal), beside nDCG@10 of the candidates as they
    /// came (the fused or strict order, unordered). A yardstick for how the order is learned that reads only the learning needs.
    /// </summary>
    private static LeftOutScore LeaveOneOut(TopicalSet set, List<(TopicalNeed Need, List<(string Passage, int Tier, double[] Features)> Ranked)> candidates,
        List<List<double[]>> pairsOf, double[] spread, int fromTier)
    {
        var (ordered, unordered) = (0.0, 0.0);
        for (var i = 0; i < candidates.Count; i++)
        {
            var others = pairsOf.Where((_, j) => j != i).SelectMany(p => p).ToList();
            var weights = Fit(others, spread.Length).Select((w, f) => w / spread[f]).ToArray(); // per unit, as the search weighs
            var (need, ranked) = candidates[i];
            var reordered = Ranker.TierOrder([.. ranked.Select(r => (r.Tier, r.Features))], weights, fromTier).Select(at => ranked[at].Passage).ToList();
            ordered += Ndcg(set, need, reordered);
            unordered += Ndcg(set, need, [.. ranked.Select(r => r.Passage)]);
        }

        return new LeftOutScore(candidates.Count, ordered / candidates.Count, unordered / candidates.Count);
    }

    /// <summary>nDCG@10 of <paramref name="ranked"/> for <paramref name="need"/> by its judgments (gain 2^grade − 1; unjudged 0).</summary>
    private static double Ndcg(TopicalSet set, TopicalNeed need, List<string> ranked)
    {
        var ideal = set.Judgments.TryGetValue(need.Id, out var graded) ? graded.Values.OrderDescending().Select(g => (int?)g).ToList() : [];
        return TopicalEvaluator.Ndcg([.. ranked.Select(p => set.Grade(need.Id, p))], ideal);
    }

    /// <summary>
    /// Minimises the mean of log(1 + e^(−w·x)) over the pairs plus <see cref="Regularisation"/>/2 · |w|² (convex, so its one
    /// minimum): Newton's steps from zero (the gradient and the Hessian over every pair, a step solving one against the other)
    /// until no weight's gradient exceeds <see cref="Converged"/>; one that has not within <see cref="Rounds"/> steps, or
    /// whose weights are no longer finite, throws (the committed sets converge well within it).
    /// </summary>
    internal static double[] Fit(IReadOnlyList<double[]> pairs, int dimensions)
    {
        var w = new double[dimensions];
        if (pairs.Count == 0)
        {
            return w;
        }

        for (var round = 0; round < Rounds; round++)
        {
            var gradient = new double[dimensions];
            var hessian = new double[dimensions, dimensions];
            for (var f = 0; f < dimensions; f++)
            {
                gradient[f] = Regularisation * w[f];
                hessian[f, f] = Regularisation;
            }

            foreach (var x in pairs)
            {
                var s = 0.0;
                for (var f = 0; f < dimensions; f++)
                {
                    s += w[f] * x[f];
                }

                var p = 1 / (1 + Math.Exp(-Math.Clamp(s, -30, 30))); // σ(s)
                var slope = (1 - p) / pairs.Count; // −d/ds log(1 + e^(−s)), per pair
                var curvature = p * (1 - p) / pairs.Count;
                for (var f = 0; f < dimensions; f++)
                {
                    gradient[f] -= slope * x[f];
                    for (var g = 0; g <= f; g++)
                    {
                        hessian[f, g] += curvature * x[f] * x[g];
                    }
                }
            }

            if (gradient.All(g => Math.Abs(g) < Converged))
            {
                return w;
            }

            var step = Solve(hessian, gradient);
            for (var f = 0; f < dimensions; f++)
            {
                w[f] -= step[f];
            }

            if (!w.All(double.IsFinite))
            {
                throw new SpeechArchiveException($"the pairwise fit over {pairs.Count} pairs diverged at step {round + 1}");
            }
        }

        throw new SpeechArchiveException($"the pairwise fit over {pairs.Count} pairs did not converge in {Rounds} steps");
    }

    /// <summary>
    /// x with H x = b, for a symmetric positive definite H given by its lower triangle (Cholesky): the loss's Hessian is the
    /// penalty's <see cref="Regularisation"/> times the identity plus a sum of x xᵀ, so it always is.
    /// </summary>
    private static double[] Solve(double[,] h, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }

            y[i] = sum / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * x[k];
            }

            x[i] = sum / l[i, i];
        }

        return x;
    }
}

/// <summary>
/// An order's learned weights: <paramref name="Weights"/> per unit of each feature (what <c>Ranker.TopicalWeights</c>,
/// <c>Ranker.FreeTextWeights</c> or <c>Ranker.StatementWeights</c> holds), <paramref name="Standardised"/> per standard deviation
/// (comparable with each other), from <paramref name="Pairs"/> judged pairs of the <paramref name="Candidates"/> passages it
/// reorders for the <paramref name="Needs"/> needs it takes.
/// </summary>
public sealed record TopicalOrderModel(IReadOnlyList<string> Names, double[] Weights, double[] Standardised, int Pairs, int Needs, int Candidates)
{
    /// <summary>With <c>--leave-one-out</c>: nDCG@10 of each need ordered by the weights the other needs teach (null when not asked).</summary>
    public LeftOutScore? LeftOut { get; init; }
}

/// <summary>
/// Leaving one need out at a time (<paramref name="Needs"/> needs): mean nDCG@10 of each need's candidates ordered by the weights
/// the others teach (<paramref name="Ordered"/>) and as they came (<paramref name="Unordered"/>), reprints not folded.
/// </summary>
public sealed record LeftOutScore(int Needs, double Ordered, double Unordered);

/// <summary>
/// The learned orders (<c>eval-topical --learn-order</c>): the topical order's weights and the free-text order's for questions
/// and for statements; one a set cannot teach (no judged topic, question or statement) is null, with <see cref="Unlearned"/> saying why.
/// </summary>
public sealed record LearnedOrders(TopicalOrderModel? Topical, TopicalOrderModel? FreeText, TopicalOrderModel? Statements, IReadOnlyList<string> Unlearned)
{
    /// <summary>The three orders learned from <paramref name="set"/>, each where it can be; throws when none can.</summary>
    public static LearnedOrders Learn(Searcher searcher, TopicalSet set, bool leaveOneOut = false)
    {
        var unlearned = new List<string>();
        TopicalOrderModel? Try(Func<TopicalOrderModel> learn)
        {
            try
            {
                return learn();
            }
            catch (SpeechArchiveException e)
            {
                unlearned.Add(e.Message);
                return null;
            }
        }

        var topical = Try(() => TopicalOrderLearner.Learn(searcher, set, leaveOneOut));
        var freeText = Try(() => TopicalOrderLearner.LearnFreeText(searcher, set, leaveOneOut));
        var statements = Try(() => TopicalOrderLearner.LearnStatements(searcher, set, leaveOneOut));
        return topical is null && freeText is null && statements is null
            ? throw new SpeechArchiveException(string.Join("; ", unlearned))
            : new LearnedOrders(topical, freeText, statements, unlearned);
    }
}
