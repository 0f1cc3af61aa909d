using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>Runs a recall set through the main search and scores where each query's passage ranks: MRR@k and recall@k.</summary>
public static class RecallEvaluator
{
    /// <summary>
    /// Scores <paramref name="queries"/> searched in <paramref name="mode"/>. Times are taken after <paramref name="warmUp"/> searches of the set's first queries
    /// (the first searches pay for compiling the code, and the runtime recompiles hot methods after about thirty calls). With
    /// <paramref name="rankings"/> (a peer's passage ids by query), those are scored instead of searches, and nothing is timed.
    /// </summary>
    public static RecallReport Evaluate(Searcher searcher, IReadOnlyList<RecallQuery> queries, int k = 10, int warmUp = 1, SearchMode mode = SearchMode.Understood,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? rankings = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(queries);
        var index = searcher.Index;
        var reprints = SearchStructures.Of(index).Reprints;
        var ranks = new List<(RecallQuery Query, int? Rank)>(queries.Count);
        var misses = new List<RecallMiss>();
        var times = new List<double>(queries.Count);
        var slowest = new List<(RecallQuery Query, double Ms)>();
        foreach (var q in rankings is null ? queries.Take(Math.Max(warmUp, queries.Count > 0 ? 1 : 0)) : [])
        {
            searcher.Search(new SearchRequest { Query = q.Query, Limit = k, SnippetLength = 40, Mode = mode });
        }

        foreach (var q in queries)
        {
            var target = TargetPassage(index, q)
                ?? throw new SpeechArchiveException($"recall target not in the index: {q.Source} “{q.Target}” (index the seeds and the reports together)");
            List<(string Id, string Text)> hits;
            if (rankings is not null)
            {
                hits = [.. (rankings.TryGetValue(q.Query, out var ids) ? ids : []).Take(k)
                    .Select(id => (id, index.FindPassage(id) is int d ? index.PassageText(d) : ""))];
            }
            else
            {
                var clock = Stopwatch.StartNew();
                var result = searcher.Search(new SearchRequest { Query = q.Query, Limit = k, SnippetLength = 40, Mode = mode });
                times.Add(clock.Elapsed.TotalMilliseconds);
                slowest.Add((q, clock.Elapsed.TotalMilliseconds));
                hits = [.. result.Hits.Select(h => (h.PassageId, h.Text))];
            }

            // A hit stands for every passage printing its text (folded reprints): the target's text found is the target found,
            // in the engine's hits and a peer's alike.
            var targetId = index.Passages[target].Id;
            var group = reprints.GroupOf(target);
            var at = hits.FindIndex(h => h.Id == targetId || (group >= 0 && index.FindPassage(h.Id) is int d && reprints.GroupOf(d) == group));
            int? rank = at < 0 ? null : at + 1;
            ranks.Add((q, rank));
            if (rank != 1)
            {
                misses.Add(new RecallMiss(q, rank, hits.Count > 0 ? hits[0].Id : null, hits.Count > 0 ? Excerpt(hits[0].Text) : null));
            }
        }

        return new RecallReport
        {
            K = k,
            Overall = Score("all", ranks),
            PerKind = ranks.GroupBy(r => r.Query.Kind).OrderBy(g => Order(g.Key)).Select(g => Score(g.Key, g.ToList())).ToList(),
            Misses = misses,
            MeanMs = times.Count == 0 ? 0 : Math.Round(times.Average(), 2),
            P95Ms = times.Count == 0 ? 0 : Math.Round(times.Order().ElementAt((int)Math.Ceiling(0.95 * times.Count) - 1), 2),
            MaxMs = times.Count == 0 ? 0 : Math.Round(times.Max(), 2),
            WarmUp = rankings is null ? Math.Min(Math.Max(warmUp, 1), queries.Count) : 0,
            Slowest = slowest.OrderByDescending(x => x.Ms).Take(5).Select(x => new RecallTime(x.Query, Math.Round(x.Ms, 2))).ToList(),
        };
    }

    /// <summary>The passage a query means: in the speech whose file name is the source's, the one holding the target text.</summary>
    public static int? TargetPassage(IndexSnapshot index, RecallQuery query)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        var fileName = query.Source[(query.Source.LastIndexOf('/') + 1)..];
        var target = MatchText.Build(query.Target, 0, query.Target.Length);
        foreach (var speech in index.Speeches)
        {
            if (!string.Equals(Path.GetFileName(speech.FileKey), fileName, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var p in speech.Passages)
            {
                if (index.Passages[p].MatchText.Contains(target, StringComparison.Ordinal))
                {
                    return p;
                }
            }
        }

        return null;
    }

    private static RecallScore Score(string kind, List<(RecallQuery Query, int? Rank)> ranks)
    {
        if (ranks.Count == 0)
        {
            return new RecallScore(kind, 0, 0, 0);
        }

        var mrr = ranks.Average(r => r.Rank is int n ? 1.0 / n : 0);
        var recall = ranks.Average(r => r.Rank is null ? 0.0 : 1.0);
        return new RecallScore(kind, ranks.Count, Math.Round(mrr, 4), Math.Round(recall, 4));
    }

    private static int Order(string kind)
    {
        var i = RecallKind.All.ToList().IndexOf(kind);
        return i < 0 ? int.MaxValue : i;
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
