using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Cli.Bench;

/// <summary>
/// Measures the archive end to end on a corpus copy: full build, no-op and one-file reindex, snapshot load, the query mix
/// in-process with facets, and HTTP throughput against the real web app on loopback. Prints a Markdown report.
/// </summary>
internal sealed class BenchRunner(string corpus, string work, string? webDll, int iterations, TimeSpan httpDuration, string? existingIndex = null)
{
    private readonly StringBuilder report = new();
    /// <summary>Times the whole mix runs before anything is measured.</summary>
    private const int WarmUpRounds = 30;

    private readonly Dictionary<string, string> similarSources = new(StringComparer.Ordinal);

    public async Task<string> RunAsync()
    {
        Line($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Line($"Corpus: `{corpus}`; load average at the start: {LoadAverage()}");
        Line("");
        string index;
        string copy;
        if (existingIndex is null)
        {
            (index, copy) = Build();
        }
        else
        {
            (index, copy) = (existingIndex, corpus);
            Line($"Index: `{existingIndex}` as it is (no build, no reindex).");
        }

        Queries(index);
        if (webDll is not null)
        {
            await HttpAsync(index, copy).ConfigureAwait(false);
        }

        Line("");
        Line($"Load average at the end: {LoadAverage()}");
        return report.ToString();
    }

    /// <summary>Copies the corpus, builds the index from scratch, then a no-op and a one-file reindex; returns (index, corpus copy).</summary>
    private (string Index, string Copy) Build()
    {
        var copy = Path.Combine(work, "corpus");
        var index = Path.Combine(work, "index");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Console.Error.WriteLine($"copying {corpus} → {copy}");
        CopyTree(corpus, copy);

        Console.Error.WriteLine("full build…");
        var build = Indexer.Run(new IndexOptions { CorpusDirectory = copy, IndexDirectory = index });
        var buildPeak = Process.GetCurrentProcess().PeakWorkingSet64;
        var textBytes = Directory.EnumerateFiles(copy, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        Console.Error.WriteLine("no-op run…");
        var noop = Indexer.Run(new IndexOptions { CorpusDirectory = copy, IndexDirectory = index });
        var changed = Directory.EnumerateFiles(copy, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(changed, "\n同志们，要把基准测试的改动落到实处。\n");
        Console.Error.WriteLine("one changed file…");
        var one = Indexer.Run(new IndexOptions { CorpusDirectory = copy, IndexDirectory = index });

        Line("## Indexing");
        Line("| measure | value |");
        Line("| --- | --- |");
        Line($"| full build ({build.Speeches:N0} speeches, {build.Passages:N0} passages, {build.Characters:N0} chars) | {build.Elapsed.TotalSeconds:F1} s ({build.Characters / build.Elapsed.TotalSeconds / 1e6:F2} M chars/s) |");
        Line($"| stages of the full build | {string.Join(", ", build.StageSeconds.Select(kv => $"{kv.Key} {kv.Value:F1} s"))} |");
        Line($"| peak working set during the build | {buildPeak / 1e6:F0} MB |");
        Line($"| index on disk ÷ UTF-8 text | {build.IndexBytes / 1e6:F1} MB ÷ {textBytes / 1e6:F1} MB = {(double)build.IndexBytes / textBytes:F2}× |");
        Line($"| no-op reindex | {noop.Elapsed.TotalSeconds:F2} s (committed: {noop.Committed}) |");
        Line($"| one changed file | {one.Elapsed.TotalSeconds:F2} s (updated {one.Updated}) |");
        Line($"| failures | {build.Failed.Count} |");
        return (index, copy);
    }

    /// <summary>Loads the snapshot and runs the query mix in process, each class warmed up first.</summary>
    private void Queries(string index)
    {
        Console.Error.WriteLine("loading snapshot…");
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var snapshot = IndexSnapshot.Load(index);
        var load = clock.Elapsed;
        GC.Collect();
        var rss = Process.GetCurrentProcess().WorkingSet64;
        Line("");
        Line("## Serving, in process");
        Line($"Snapshot load {load.TotalSeconds:F2} s ({string.Join(", ", snapshot.LoadSeconds.Select(kv => $"{kv.Key} {kv.Value:F2} s"))}); working set after load {rss / 1e6:F0} MB. Every query computes all facets (theme, year, directive type, organisation) and ten snippets; the whole mix runs {WarmUpRounds} times before the measured runs.");
        Line("");
        clock.Restart();
        SimilarPassages.Prepare(snapshot);
        Line($"Passage norms for similar passages built in {clock.Elapsed.TotalSeconds:F2} s before the mix (the web app builds them in the background on the first such request).");
        clock.Restart();
        if (snapshot.MeaningVectors is { } vectors)
        {
            var segmenter = new Analysis.Segmenter(snapshot.Lexicon);
            var probes = QueryMix.MeaningProbes.Select(q => vectors.Query(segmenter.Segment(q).Where(w => w.Kind == Analysis.WordKind.Han).Select(w => w.Text)))
                .OfType<float[]>().ToList();
            Line($"Passage vectors built in {clock.Elapsed.TotalSeconds:F2} s before the mix: {vectors.Count:N0} × {vectors.Dimensions} dimensions, " + (vectors.Cells == 0
                ? "scanned whole (no cells below 40,000 passages)."
                : $"{vectors.Cells} k-means cells, {Semantics.PassageVectors.DefaultProbes} probed per query; the 30 nearest found by the cells against a scan of every passage, over {probes.Count} queries: recall {vectors.CellRecall(probes, 30):F3} (probing 20: {vectors.CellRecall(probes, 30, 20):F3}, 80: {vectors.CellRecall(probes, 30, 80):F3})."));
        }

        Line("");
        Line("| class | queries | p50 ms | p99 ms | max ms |");
        Line("| --- | --- | --- | --- | --- |");
        var searcher = new Searcher(snapshot, QueryUnderstanding.Default); // as the web app searches: free text, thesaurus, near matches
        var classes = QueryMix.Classes.Select(c => (c.Class, c.Queries, Runs: c.Queries.Select(q => Runner(searcher, c.Kind, q)).ToArray())).ToList();
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
            var (p50, p99, max) = Percentiles.Of(samples);
            Line($"| {name} | {string.Join(" · ", queries.Select(q => $"`{q}`"))} | {p50:F2} | {p99:F2} | {max:F2} |");
        }

        var (ap50, ap99, amax) = Percentiles.Of(all);
        Line($"| **whole mix** | {all.Count:N0} requests | **{ap50:F2}** | **{ap99:F2}** | {amax:F2} |");
    }

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

    /// <summary>The API path of one request of the mix.</summary>
    private string PathOf(MixKind kind, string query) => kind switch
    {
        MixKind.Concordance => "api/concordance?q=" + Uri.EscapeDataString(query),
        MixKind.Similar => "api/passages/" + Uri.EscapeDataString(similarSources[query]) + "/similar",
        _ => "api/search?q=" + Uri.EscapeDataString(query),
    };

    private async Task HttpAsync(string index, string copy)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(webDll!);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["SpeechArchive__Index"] = index;
        info.Environment["SpeechArchive__Corpus"] = copy;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        Console.Error.WriteLine($"starting the web app on port {port}…");
        var clock = Stopwatch.StartNew();
        using var web = Process.Start(info) ?? throw new SpeechArchiveException("could not start the web app");
        web.OutputDataReceived += (_, _) => { };
        web.ErrorDataReceived += (_, _) => { };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            using (var probe = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(2) })
            {
                while (true)
                {
                    try
                    {
                        using var r = await probe.GetAsync("api/search?q=" + Uri.EscapeDataString("依法")).ConfigureAwait(false);
                        if (r.IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }

                    if (clock.Elapsed > TimeSpan.FromMinutes(3) || web.HasExited)
                    {
                        throw new SpeechArchiveException("the web app did not answer within 3 minutes");
                    }

                    await Task.Delay(50).ConfigureAwait(false);
                }
            }

            var ready = clock.Elapsed;
            Line("");
            Line("## Serving over HTTP (loopback, real Kestrel)");
            Line($"Web app ready (process start to first answered `/api/search?q=依法`): {ready.TotalSeconds:F2} s.");
            Line("");
            Line("| requests | clients | requests/s | p50 ms | p99 ms | errors |");
            Line("| --- | --- | --- | --- | --- | --- |");
            var broad = new[] { "api/search?q=" + Uri.EscapeDataString("依法") };
            var mix = QueryMix.Classes.SelectMany(c => c.Queries.Select(q => PathOf(c.Kind, q))).ToArray();
            foreach (var (name, paths) in new[] { ("`/api/search?q=依法`", broad), ("the query mix", mix) })
            {
                foreach (var clients in new[] { 1, 4, 16 })
                {
                    await HttpLoad.RunAsync(baseUri, paths, clients, TimeSpan.FromSeconds(1)).ConfigureAwait(false); // warm-up
                    var r = await HttpLoad.RunAsync(baseUri, paths, clients, httpDuration).ConfigureAwait(false);
                    Line($"| {name} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Errors} |");
                }
            }

            web.Refresh();
            Line("");
            Line($"Web app working set after the load: {web.WorkingSet64 / 1e6:F0} MB.");
        }
        finally
        {
            if (!web.HasExited)
            {
                web.Kill(entireProcessTree: true);
            }
        }
    }

    private void Line(string text)
    {
        report.AppendLine(text);
        Console.Error.WriteLine(text);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
