using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Scores rankings on a <see cref="TopicalSet"/>: nDCG@10 (gains 2^grade − 1, the ideal from every judged passage of the
/// need) and P@10 (grade ≥ 1), per kind and split, for several search modes in one run; unjudged passages count as 0 and
/// are counted, so a new ranking that finds unjudged passages shows it.
/// </summary>
public static class TopicalEvaluator
{
    public const int K = 10;

    /// <summary>How deep a condensed ranking is read before its unjudged passages are left out.</summary>
    public const int CondensedDepth = 50;

    /// <summary>How deep a ranking may be read to be put in the order of its grades (<c>--best-order-of</c>).</summary>
    public const int MaxBestOrderOf = 200;

    /// <summary>Whether a ranking may be read <paramref name="depth"/> deep to be put in the order of its grades: <see cref="K"/> to <see cref="MaxBestOrderOf"/>.</summary>
    public static bool IsBestOrderDepth(int depth) => depth is >= K and <= MaxBestOrderOf;

    /// <summary>
    /// Scores every mode on every need; with <paramref name="foldReprints"/> (the search's default) the passages that print one
    /// text are one result, in the rankings and in the grades (<see cref="TopicalGrades"/>).
    /// <para>With <paramref name="condensed"/>, each ranking is read <see cref="CondensedDepth"/> deep and its unjudged passages
    /// are left out before the first <see cref="K"/> are scored (Sakai's condensed lists, 2007): a screen for a ranking that
    /// brings in passages never judged, which counts them neither as relevant nor as not; the figure to quote stays the full one,
    /// after the new rows are judged.</para>
    /// <para>With <paramref name="bestOrderOf"/> (not with <paramref name="condensed"/>), each ranking is read that deep and its
    /// passages put in the order of their grades (best first, an unjudged one as 0, ties as ranked) before the first
    /// <see cref="K"/> are scored: the nDCG a perfect ordering of what the ranking found would reach, which tells the room for
    /// ordering from the room for finding (a diagnosis, not a ranking: it reads the judgments). The unjudged are then counted
    /// over all the passages read, any of which could have been the better one.</para>
    /// <para>With <paramref name="orderBy"/> as well, the passages are put in the order of that set's grades (a second judge's, of the
    /// same needs; folded alike, one it never graded as 0, ties as ranked) and scored by <paramref name="set"/>'s: how a reader
    /// that agrees with the first judge as far as a second judge does would order what the ranking found (Voorhees 2000 on
    /// how far assessors agree). A need the second judge graded nothing for keeps its order as ranked.</para>
    /// </summary>
    public static TopicalReport Evaluate(Searcher searcher, TopicalSet set, IReadOnlyList<TopicalMode> modes, bool foldReprints = true, bool condensed = false,
        int? bestOrderOf = null, TopicalSet? orderBy = null)
    {
        if (orderBy is not null && bestOrderOf is null)
        {
            throw new ArgumentException("a second judge's grades order a ranking read to a depth: give bestOrderOf", nameof(orderBy));
        }

        if (condensed && bestOrderOf is not null)
        {
            throw new ArgumentException("a condensed ranking cannot also be put in the order of its grades", nameof(bestOrderOf));
        }

        if (bestOrderOf is { } depth && !IsBestOrderDepth(depth))
        {
            throw new ArgumentOutOfRangeException(nameof(bestOrderOf), bestOrderOf, $"between {K} and {MaxBestOrderOf}");
        }

        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(set);
        var grades = new TopicalGrades(set, searcher.Index, foldReprints);
        var ordering = orderBy is null ? grades : new TopicalGrades(orderBy, searcher.Index, foldReprints);
        var ungraded = new List<SecondJudgeCount>();
        var runs = new List<TopicalRun>();
        List<NeedGroup>? groups = null; // the same needs in every mode
        foreach (var mode in modes)
        {
            var results = new List<TopicalResult>();
            var (read, notGraded) = (0, 0);
            foreach (var need in set.Needs)
            {
                var ranked = Ranking(searcher, need.Query, mode, grades, condensed ? CondensedDepth : bestOrderOf ?? K);
                List<string> hits = condensed ? [.. ranked.Where(h => grades.Grade(need.Id, h) is not null).Take(K)]
                    : bestOrderOf is not null ? [.. ranked.OrderByDescending(h => ordering.Grade(need.Id, h) ?? 0).Take(K)] // OrderBy is stable
                    : ranked;
                read += ranked.Count;
                notGraded += orderBy is null ? 0 : ranked.Count(h => ordering.Grade(need.Id, h) is null);
                var unjudged = condensed // those left out above the last one scored, or all of them with fewer than ten
                    ? ranked.Take(hits.Count == K ? ranked.IndexOf(hits[^1]) + 1 : ranked.Count).Count(h => grades.Grade(need.Id, h) is null)
                    : bestOrderOf is not null ? ranked.Count(h => grades.Grade(need.Id, h) is null) // every one read could have come first
                    : hits.Count(h => grades.Grade(need.Id, h) is null);

                var gains = hits.Select(h => grades.Grade(need.Id, h)).ToList();
                var ndcg = Ndcg(gains, [.. grades.Ideal(need.Id).Select(g => (int?)g)]);
                var precision = (double)gains.Count(g => g >= 1) / K;
                results.Add(new TopicalResult(need, ndcg, precision, ranked.Count, unjudged, hits));
            }

            runs.Add(new TopicalRun(mode.Name, results, Scores(results, groups ??= Groups(results))));
            ungraded.Add(new SecondJudgeCount(mode.Name, notGraded, read));
        }

        return new TopicalReport(K, runs)
        {
            Differences = Differences(runs, groups ?? []), Grades = grades, BestOrderOf = bestOrderOf,
            OrderedBy = orderBy is null ? null
                : new SecondJudge(JudgeAgreement.Of(set, orderBy), ungraded, [.. set.Needs.Where(n => !orderBy.Judgments.ContainsKey(n.Id)).Select(n => n.Id)]),
        };
    }

    /// <summary>
    /// The first ranking against each other one, in every group of needs the scores are given for: the mean nDCG difference
    /// with its interval and p-value (<see cref="PairedDifference"/>), so a lead within the noise of a few needs reads as such.
    /// </summary>
    private static List<TopicalDifference> Differences(List<TopicalRun> runs, List<NeedGroup> groups) =>
    [
        .. runs.Skip(1).SelectMany(other => groups.Select(g => new TopicalDifference(runs[0].Mode, other.Mode, g.Kind, g.Split,
            PairedDifference.Of([.. g.Members.Select(i => runs[0].Results[i].Ndcg)], [.. g.Members.Select(i => other.Results[i].Ndcg)])))),
    ];

    /// <summary>The groups of needs scores are given for: each kind in each split, each split, each kind, and all; in print order.</summary>
    private static List<NeedGroup> Groups(IReadOnlyList<TopicalResult> results)
    {
        var indexed = results.Select((r, i) => (r.Need, Index: i)).ToList();
        List<int> Members(IEnumerable<(TopicalNeed Need, int Index)> g) => [.. g.Select(x => x.Index)];
        return
        [
            .. indexed.GroupBy(x => (x.Need.Kind, x.Need.Split)).Select(g => new NeedGroup(g.Key.Kind, g.Key.Split, Members(g)))
                .Concat(indexed.GroupBy(x => x.Need.Split).Select(g => new NeedGroup("all", g.Key, Members(g))))
                .Concat(indexed.GroupBy(x => x.Need.Kind).Select(g => new NeedGroup(g.Key, "all", Members(g))))
                .Append(new NeedGroup("all", "all", Members(indexed)))
                .OrderBy(g => g.Split == "all").ThenBy(g => g.Split).ThenBy(g => g.Kind == "all").ThenBy(g => g.Kind),
        ];
    }

    /// <summary>A group of needs: a kind (or all) in a split (or all), as positions in the set.</summary>
    private readonly record struct NeedGroup(string Kind, string Split, List<int> Members);

    /// <summary>
    /// The passage ids of the top <paramref name="depth"/> hits of <paramref name="query"/> in <paramref name="mode"/>, reprints folded as
    /// <paramref name="grades"/> folds them (a ranking made outside the engine is folded the same way).
    /// </summary>
    public static List<string> Ranking(Searcher searcher, string query, TopicalMode mode, TopicalGrades grades, int depth = K)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(grades);
        if (mode.Rankings is { } given)
        {
            return given.TryGetValue(query, out var ranked) ? [.. grades.Fold(ranked).Take(depth)] : [];
        }

        var result = searcher.Search(new SearchRequest
        {
            Query = query, Limit = depth, Mode = mode.Mode, ByMeaning = mode.ByMeaning, OrderTopically = mode.OrderTopically, SnippetLength = 40,
            FoldReprints = grades.FoldReprints,
        });
        return [.. result.Hits.Select(h => h.PassageId)];
    }

    /// <summary>nDCG@<see cref="K"/> of <paramref name="gains"/> against the <paramref name="ideal"/> grades (best first); 0 where the ideal is.</summary>
    internal static double Ndcg(IReadOnlyList<int?> gains, IReadOnlyList<int?> ideal)
    {
        var idcg = Dcg(ideal, K);
        return idcg == 0 ? 0 : Dcg(gains, K) / idcg;
    }

    /// <summary>DCG of the first <paramref name="k"/> grades (gain 2^grade − 1, an unjudged one 0).</summary>
    internal static double Dcg(IReadOnlyList<int?> grades, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < grades.Count && i < k; i++)
        {
            dcg += (Math.Pow(2, grades[i] ?? 0) - 1) / Math.Log2(i + 2);
        }

        return dcg;
    }

    private static List<TopicalScore> Scores(List<TopicalResult> results, List<NeedGroup> groups) =>
        [.. groups.Select(g => Score(g.Kind, g.Split, [.. g.Members.Select(i => results[i])]))];

    private static TopicalScore Score(string kind, string split, List<TopicalResult> results) => new(
        kind, split, results.Count, results.Average(r => r.Ndcg), results.Average(r => r.Precision),
        results.Count(r => r.Found == 0), results.Sum(r => r.Unjudged));
}

/// <summary>A ranking <c>eval-topical</c> compares: a search mode, with or without ranking by meaning.</summary>
public sealed record TopicalMode(string Name, SearchMode Mode, bool ByMeaning = true, bool OrderTopically = true)
{
    /// <summary>A ranking made outside the engine (a peer's), by query: the mode's results instead of a search.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Rankings { get; init; }

    /// <summary>
    /// The hybrid default (free text fused with meaning), the same without the topical and free-text orders (strict matches
    /// in BM25's order, free text in the fused order), the same words without meaning, meaning alone, exactly as typed, and plain BM25 over the words.
    /// </summary>
    public static IReadOnlyList<TopicalMode> All { get; } =
    [
        new("Hybrid", SearchMode.Understood),
        new("NoTopicalOrder", SearchMode.Understood, OrderTopically: false),
        new("WordsOnly", SearchMode.Understood, ByMeaning: false),
        new("Vectors", SearchMode.Vectors),
        new("Exact", SearchMode.Exact),
        new("BM25", SearchMode.Words),
    ];
}

/// <summary>The scores of every search mode evaluated in one run.</summary>
public sealed record TopicalReport(int K, IReadOnlyList<TopicalRun> Runs)
{
    /// <summary>The first mode against each other one, per group of needs (none with one mode).</summary>
    public IReadOnlyList<TopicalDifference> Differences { get; init; } = [];

    /// <summary>The grades the rankings were scored with (reprints folded or not); null for a report made without a set's grades.</summary>
    public TopicalGrades? Grades { get; init; }

    /// <summary>How deep each ranking was read to be put in the order of its grades (<c>--best-order-of</c>); null: scored as ranked.</summary>
    public int? BestOrderOf { get; init; }

    /// <summary>The second judge whose grades ordered the rankings (<c>--order-by</c>); null: ordered by the grades they are scored with.</summary>
    public SecondJudge? OrderedBy { get; init; }
}

/// <summary>A second judge's grades as they ordered the rankings (<c>eval-topical --order-by</c>).</summary>
/// <param name="Agreement">How far they agree with the first judge's grades, on the rows both graded.</param>
/// <param name="Ungraded">For each ranking, how many of the passages read (every need) they never graded, ordered as 0.</param>
/// <param name="NeedsGradedNone">The needs they graded nothing for (each keeps its order as ranked).</param>
public sealed record SecondJudge(JudgeAgreement Agreement, IReadOnlyList<SecondJudgeCount> Ungraded, IReadOnlyList<string> NeedsGradedNone);

/// <summary>Of the <paramref name="Read"/> passages one ranking (<paramref name="Mode"/>) was read to, the <paramref name="Ungraded"/> a second judge never graded.</summary>
public sealed record SecondJudgeCount(string Mode, int Ungraded, int Read);

/// <summary>How far <paramref name="Mode"/> leads <paramref name="Against"/> in nDCG@k (<paramref name="Ndcg"/>) on one group of needs.</summary>
public sealed record TopicalDifference(string Mode, string Against, string Kind, string Split, PairedDifference Ndcg);

/// <summary>One search mode: each need's result and the scores per kind and split.</summary>
public sealed record TopicalRun(string Mode, IReadOnlyList<TopicalResult> Results, IReadOnlyList<TopicalScore> Scores);

/// <summary>
/// One need in one mode: nDCG@k, P@k, how many hits came back (as deep as the ranking was read), how many of the top k were
/// never judged (condensed: how many were left out to make the k scored; in the best order: how many of all those read),
/// and the ranking scored.
/// </summary>
public sealed record TopicalResult(TopicalNeed Need, double Ndcg, double Precision, int Found, int Unjudged, IReadOnlyList<string> Ranking);

/// <summary>Mean nDCG@k and P@k of a group of needs, the needs without any result, and the unjudged passages in their top k.</summary>
public sealed record TopicalScore(string Kind, string Split, int Needs, double Ndcg, double Precision, int Empty, int Unjudged);
