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

    public static TopicalReport Evaluate(Searcher searcher, TopicalSet set, IReadOnlyList<TopicalMode> modes)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(set);
        var runs = new List<TopicalRun>();
        foreach (var mode in modes)
        {
            var results = new List<TopicalResult>();
            foreach (var need in set.Needs)
            {
                var hits = Ranking(searcher, need.Query, mode);
                var gains = hits.Select(h => set.Grade(need.Id, h)).ToList();
                var ideal = set.Judgments.TryGetValue(need.Id, out var graded) ? graded.Values.OrderDescending().Take(K).ToList() : [];
                var idcg = Dcg(ideal.Select(g => (int?)g).ToList(), K);
                var ndcg = idcg == 0 ? 0 : Dcg(gains, K) / idcg;
                var precision = (double)gains.Count(g => g >= 1) / K;
                results.Add(new TopicalResult(need, ndcg, precision, hits.Count, gains.Count(g => g is null), hits));
            }

            runs.Add(new TopicalRun(mode.Name, results, Scores(results)));
        }

        return new TopicalReport(K, runs);
    }

    /// <summary>The passage ids of the top <see cref="K"/> hits of <paramref name="query"/> in <paramref name="mode"/>.</summary>
    public static List<string> Ranking(Searcher searcher, string query, TopicalMode mode)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(mode);
        if (mode.Rankings is { } given)
        {
            return given.TryGetValue(query, out var ranked) ? [.. ranked.Take(K)] : [];
        }

        var result = searcher.Search(new SearchRequest { Query = query, Limit = K, Mode = mode.Mode, ByMeaning = mode.ByMeaning, SnippetLength = 40 });
        return [.. result.Hits.Select(h => h.PassageId)];
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

    private static List<TopicalScore> Scores(List<TopicalResult> results)
    {
        var groups = results.GroupBy(r => (r.Need.Kind, r.Need.Split))
            .Select(g => Score(g.Key.Kind, g.Key.Split, g.ToList()))
            .Concat(results.GroupBy(r => r.Need.Split).Select(g => Score("all", g.Key, g.ToList())))
            .Concat(results.GroupBy(r => r.Need.Kind).Select(g => Score(g.Key, "all", g.ToList())))
            .Append(Score("all", "all", results));
        return [.. groups.OrderBy(s => s.Split == "all").ThenBy(s => s.Split).ThenBy(s => s.Kind == "all").ThenBy(s => s.Kind)];
    }

    private static TopicalScore Score(string kind, string split, List<TopicalResult> results) => new(
        kind, split, results.Count, results.Average(r => r.Ndcg), results.Average(r => r.Precision),
        results.Count(r => r.Found == 0), results.Sum(r => r.Unjudged));
}

/// <summary>A ranking <c>eval-topical</c> compares: a search mode, with or without ranking by meaning.</summary>
public sealed record TopicalMode(string Name, SearchMode Mode, bool ByMeaning = true)
{
    /// <summary>A ranking made outside the engine (a peer's), by query: the mode's results instead of a search.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Rankings { get; init; }

    /// <summary>
    /// The hybrid default (free text fused with meaning), the same words without meaning, meaning alone, exactly as typed,
    /// and plain BM25 over the words.
    /// </summary>
    public static IReadOnlyList<TopicalMode> All { get; } =
    [
        new("Hybrid", SearchMode.Understood),
        new("WordsOnly", SearchMode.Understood, ByMeaning: false),
        new("Vectors", SearchMode.Vectors),
        new("Exact", SearchMode.Exact),
        new("BM25", SearchMode.Words),
    ];
}

/// <summary>The scores of every search mode evaluated in one run.</summary>
public sealed record TopicalReport(int K, IReadOnlyList<TopicalRun> Runs);

/// <summary>One search mode: each need's result and the scores per kind and split.</summary>
public sealed record TopicalRun(string Mode, IReadOnlyList<TopicalResult> Results, IReadOnlyList<TopicalScore> Scores);

/// <summary>One need in one mode: nDCG@k, P@k, how many hits came back, how many of the top k were never judged, and the ranking.</summary>
public sealed record TopicalResult(TopicalNeed Need, double Ndcg, double Precision, int Found, int Unjudged, IReadOnlyList<string> Ranking);

/// <summary>Mean nDCG@k and P@k of a group of needs, the needs without any result, and the unjudged passages in their top k.</summary>
public sealed record TopicalScore(string Kind, string Split, int Needs, double Ndcg, double Precision, int Empty, int Unjudged);
