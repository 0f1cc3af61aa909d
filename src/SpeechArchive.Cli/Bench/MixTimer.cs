using System.Diagnostics;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Cli.Bench;

/// <summary>
/// The query mix run in process against one snapshot, as the web app searches (free text, thesaurus, near matches): every
/// request warmed up first, then timed per class.
/// </summary>
internal sealed class MixTimer
{
    /// <summary>Times the whole mix runs before anything is measured.</summary>
    public const int WarmUpRounds = 30;

    private readonly Dictionary<string, string> similarSources = new(StringComparer.Ordinal);
    private readonly List<(string Class, string[] Queries, Action[] Runs)> classes;

    public MixTimer(IndexSnapshot snapshot)
    {
        var searcher = new Searcher(snapshot, QueryUnderstanding.Default);
        classes = [.. QueryMix.Classes.Select(c => (c.Class, c.Queries, c.Queries.Select(q => Runner(searcher, c.Kind, q)).ToArray()))];
    }

    /// <summary>Warms the mix up, then runs each class <paramref name="iterations"/> times; the timings per class and of the whole mix.</summary>
    public (IReadOnlyList<MixTiming> Classes, MixTiming Whole) Run(int iterations)
    {
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var run in classes.SelectMany(c => c.Runs))
            {
                run(); // warm-up: the tiered JIT compiles the hot paths optimised (a few dozen calls each)
            }

            Thread.Sleep(100); // the tiered JIT counts calls only after 100 ms without new methods, then compiles in the background
        }

        Thread.Sleep(1000);
        var all = new List<double>();
        var timings = new List<MixTiming>();
        foreach (var (name, queries, runs) in classes)
        {
            var samples = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                foreach (var run in runs)
                {
                    var t = Stopwatch.GetTimestamp();
                    run();
                    samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }

            all.AddRange(samples);
            timings.Add(MixTiming.Of(name, queries, samples));
        }

        return (timings, MixTiming.Of("whole mix", [], all));
    }

    /// <summary>The API path of every request of the mix (a similar-passages request names the passage the in-process run found).</summary>
    public string[] HttpPaths() =>
        [.. QueryMix.Classes.SelectMany(c => c.Queries.Select(q => c.Kind switch
        {
            MixKind.Concordance => "api/concordance?q=" + Uri.EscapeDataString(q),
            MixKind.Similar => "api/passages/" + Uri.EscapeDataString(similarSources[q]) + "/similar",
            _ => WebAppProcess.SearchPath(q),
        }))];

    /// <summary>One request of the mix as an action; a similar-passages request is for the top hit of its search.</summary>
    private Action Runner(Searcher searcher, MixKind kind, string query)
    {
        switch (kind)
        {
            case MixKind.Concordance:
                return () => ConcordanceBuilder.Build(searcher.Index, new ConcordanceRequest { Phrase = query });
            case MixKind.Similar:
                var top = searcher.Search(new SearchRequest { Query = query, Limit = 1 }).Hits;
                if (top.Count == 0)
                {
                    throw new SpeechArchiveException($"the bench's similar-passages query '{query}' has no hit");
                }

                var id = similarSources[query] = top[0].PassageId;
                return () => SimilarPassages.Find(searcher.Index, id);
            default:
                var request = new SearchRequest { Query = query };
                return () => searcher.Search(request);
        }
    }
}
