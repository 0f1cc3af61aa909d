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
    private MixTimer? mix;

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
        ScaleArchive.Copy(corpus, copy);

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
        var empty = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var snapshot = IndexSnapshot.Load(index);
        var load = clock.Elapsed;
        var loaded = GC.GetTotalMemory(forceFullCollection: true) - empty;
        var rss = Process.GetCurrentProcess().WorkingSet64;
        Line("");
        Line("## Serving, in process");
        Line($"Snapshot load {load.TotalSeconds:F2} s ({string.Join(", ", snapshot.LoadSeconds.Select(kv => $"{kv.Key} {kv.Value:F2} s"))}); working set after load {rss / 1e6:F0} MB, live managed heap {loaded / 1e6:F0} MB. Every query computes all facets (theme, year, directive type, organisation) and ten snippets; the whole mix runs {MixTimer.WarmUpRounds} times before the measured runs.");
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
        mix = new MixTimer(snapshot);
        var (classes, whole) = mix.Run(iterations);
        foreach (var c in classes)
        {
            Line($"| {c.Class} | {string.Join(" · ", c.Queries.Select(q => $"`{q}`"))} | {c.P50:F2} | {c.P99:F2} | {c.Max:F2} |");
        }

        Line($"| **whole mix** | {whole.Requests:N0} requests | **{whole.P50:F2}** | **{whole.P99:F2}** | {whole.Max:F2} |");
        Line("");
        Line("Each query's own p50 / p99 ms: " + string.Join(" · ", classes.SelectMany(c => c.PerQuery).Select(q => $"`{q.Query}` {q.P50:F2} / {q.P99:F2}")) + ".");
        Line("");
        Line($"Live managed heap after the mix: {(GC.GetTotalMemory(forceFullCollection: true) - empty) / 1e6:F0} MB.");
        GC.KeepAlive(snapshot);
    }

    private async Task HttpAsync(string index, string copy)
    {
        using var web = await WebAppProcess.StartAsync(webDll!, index, copy, TimeSpan.FromMinutes(3)).ConfigureAwait(false);
        Line("");
        Line("## Serving over HTTP (loopback, real Kestrel)");
        Line($"Web app ready (process start to first answered `/api/search?q=依法`): {web.Ready.TotalSeconds:F2} s"
            + (web.Memory() is { } ready ? $"; memory at ready: resident {ready.Rss / 1e6:F0} MB (RssAnon {ready.RssAnon / 1e6:F0} MB)." : "."));
        Line("");
        Line("| requests | clients | requests/s | p50 ms | p99 ms | errors |");
        Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, paths) in new[] { ("`/api/search?q=依法`", new[] { WebAppProcess.ReadyPath }), ("the query mix", mix!.HttpPaths()) })
        {
            foreach (var clients in new[] { 1, 4, 16 })
            {
                await HttpLoad.RunAsync(web.BaseUri, paths, clients, TimeSpan.FromSeconds(1)).ConfigureAwait(false); // warm-up
                var r = await HttpLoad.RunAsync(web.BaseUri, paths, clients, httpDuration).ConfigureAwait(false);
                Line($"| {name} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Errors} |");
            }
        }

        Line("");
        Line(web.Memory() is { } m
            ? $"Web app memory after the load: resident {m.Rss / 1e6:F0} MB (RssAnon {m.RssAnon / 1e6:F0} MB), peak {m.Peak / 1e6:F0} MB."
            : "Web app memory after the load: not known (no /proc).");
    }

    private void Line(string text)
    {
        report.AppendLine(text);
        Console.Error.WriteLine(text);
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
