using System.Diagnostics;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Cli.Bench;

/// <summary>
/// <c>bench --scale 1,3,10</c>: for each N, writes the archive N times the corpus (<see cref="ScaleArchive"/>), builds its
/// index with the index command, runs the query mix in process, then starts the real web app over it, drives <c>依法</c>
/// at 16 clients (the first seconds after it answers, then warm) and reads its memory; then starts it again and does the same
/// with many different words (<see cref="ManyWords"/>), the load a real archive gets. Reports every measure against ×1.
/// </summary>
internal sealed class ScaleBench(ScaleBenchOptions options)
{
    /// <summary>Clients of the HTTP load, as in the issue's target.</summary>
    public const int Clients = 16;

    public static readonly TimeSpan FirstSeconds = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>How many different words the second load cycles through.</summary>
    public const int ManyWordCount = 500;

    /// <summary>
    /// The words of the second load: every fourth of the base lexicon's 2,000 most frequent words of two characters or more
    /// (转移, 回避, 不予受理, 条例, 本法规定…), each searched alone. One word asked by every client (<c>依法</c>) finds what it needs
    /// cached after the first search; many words find their postings, kept matches and counts turning over, so they measure
    /// what a search costs when the caches do not hold it, and whether memory stays bounded.
    /// </summary>
    public static IReadOnlyList<string> ManyWords { get; } =
        [.. Analysis.Lexicon.Base.Words.Where(w => w.Word.Length >= 2).Take(4 * ManyWordCount).Where((_, i) => i % 4 == 0).Select(w => w.Word)];

    public async Task<string> RunAsync()
    {
        if (Directory.Exists(options.Work))
        {
            Directory.Delete(options.Work, recursive: true);
        }

        var header = $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}\n"
            + $"Corpus: `{options.Corpus}` ×{string.Join(", ×", options.Times)}, seed {options.Seed}; in-process mix {options.Iterations} iterations after {MixTimer.WarmUpRounds} warm-up rounds; "
            + $"HTTP `依法` at {Clients} clients: the first {FirstSeconds.TotalSeconds:F0} s after ready, then {WarmUp.TotalSeconds:F0} s warm-up, then {options.HttpDuration.TotalSeconds:F0} s measured; "
            + $"then the same over {ManyWordCount} words after a restart ({ManyWords[0]}, {ManyWords[1]}, {ManyWords[2]}…).\n";
        var runs = new List<ScaleRun>();
        try
        {
            foreach (var times in options.Times)
            {
                runs.Add(await MeasureAsync(times).ConfigureAwait(false));
                Console.Error.WriteLine(ScaleReport.Render(header, runs)); // what is measured so far, should a larger run be stopped
            }
        }
        finally
        {
            if (!options.Keep && Directory.Exists(options.Work))
            {
                Directory.Delete(options.Work, recursive: true);
            }
        }

        return ScaleReport.Render(header, runs);
    }

    private async Task<ScaleRun> MeasureAsync(int times)
    {
        var before = BenchRunner.LoadAverage();
        var root = Path.Combine(options.Work, $"x{times}");
        var corpus = Path.Combine(root, "corpus");
        var index = Path.Combine(root, "index");
        Console.Error.WriteLine($"×{times}: writing the archive into {corpus}…");
        var clock = Stopwatch.StartNew();
        ScaleArchive.Write(options.Corpus, corpus, times, options.Seed);
        var written = clock.Elapsed.TotalSeconds;

        Console.Error.WriteLine($"×{times}: full build (the index command, in a process of its own)…");
        var (build, buildPeak) = await IndexProcess.RunAsync(corpus, index).ConfigureAwait(false);
        var vectors = build.StageSeconds.GetValueOrDefault("vectors (after the commit)");
        Console.Error.WriteLine($"×{times}: built in {build.Elapsed.TotalSeconds:F1} s ({string.Join(", ", build.StageSeconds.Select(kv => $"{kv.Key} {kv.Value:F1} s"))})");

        Console.Error.WriteLine($"×{times}: loading the snapshot, then the query mix in process…");
        var (load, meaning, size, managed, classes, whole) = InProcess(index);

        var run = new ScaleRun
        {
            Times = times,
            Speeches = build.Speeches,
            Passages = build.Passages,
            Characters = build.Characters,
            WriteSeconds = written,
            LexicalSeconds = build.Elapsed.TotalSeconds - vectors,
            VectorSeconds = vectors,
            IndexBytes = size,
            Failures = build.Failed.Count,
            BuildPeakBytes = buildPeak,
            LoadSeconds = load,
            MeaningSeconds = meaning,
            ManagedBytes = managed,
            Classes = classes,
            Whole = whole,
            LoadAverageBefore = before,
            LoadAverageAfter = "",
        };
        if (options.WebDll is { } dll)
        {
            run = await WebAsync(run, dll, index, corpus).ConfigureAwait(false);
        }

        if (!options.Keep)
        {
            Directory.Delete(root, recursive: true);
        }

        return run with { LoadAverageAfter = BenchRunner.LoadAverage() };
    }

    /// <summary>
    /// Loads the snapshot (its size on disk, vectors included, is the index's), makes its passage vectors and norms ready,
    /// and runs the mix, reading the live managed heap after each step; the snapshot is dropped after.
    /// </summary>
    private (double Load, double Meaning, long Size, long[] Managed, IReadOnlyList<MixTiming> Classes, MixTiming Whole) InProcess(string index)
    {
        var empty = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var snapshot = IndexSnapshot.Load(index);
        var load = clock.Elapsed.TotalSeconds;
        var loaded = GC.GetTotalMemory(forceFullCollection: true);
        var meaning = snapshot.PrepareMeaning();
        var meant = GC.GetTotalMemory(forceFullCollection: true);
        SimilarPassages.Prepare(snapshot);
        var (classes, whole) = new MixTimer(snapshot).Run(options.Iterations);
        var mixed = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(snapshot);
        return (load, meaning, snapshot.SizeOnDisk, [loaded - empty, meant - empty, mixed - empty], classes, whole);
    }

    private async Task<ScaleRun> WebAsync(ScaleRun run, string dll, string index, string corpus)
    {
        GC.Collect(); // the in-process snapshot is gone before the web app loads its own
        GC.WaitForPendingFinalizers();
        GC.Collect();
        double ready;
        ProcessMemory? atReady, afterLoad;
        HttpLoad.Result first, warm;
        using (var web = await WebAppProcess.StartAsync(dll, index, corpus, TimeSpan.FromMinutes(10)).ConfigureAwait(false))
        {
            atReady = web.Memory();
            ready = web.Ready.TotalSeconds;
            Console.Error.WriteLine($"×{run.Times}: ready in {ready:F2} s; `依法` at {Clients} clients…");
            (first, warm) = await LoadAsync(web, [WebAppProcess.ReadyPath]).ConfigureAwait(false);
            afterLoad = web.Memory();
        }

        // Started again, so that the words' first searches are made cold as the load asks them.
        using var again = await WebAppProcess.StartAsync(dll, index, corpus, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        Console.Error.WriteLine($"×{run.Times}: ready again in {again.Ready.TotalSeconds:F2} s; {ManyWordCount} words at {Clients} clients…");
        var (manyFirst, manyWarm) = await LoadAsync(again, [.. ManyWords.Select(WebAppProcess.SearchPath)]).ConfigureAwait(false);
        return run with
        {
            ReadySeconds = ready, AtReady = atReady, AfterLoad = afterLoad, First = first, Warm = warm,
            ManyFirst = manyFirst, ManyWarm = manyWarm, AfterManyWords = again.Memory(),
        };
    }

    /// <summary>The first seconds after ready, a warm-up, then the measured warm load, each at <see cref="Clients"/> clients cycling through <paramref name="paths"/>.</summary>
    private async Task<(HttpLoad.Result First, HttpLoad.Result Warm)> LoadAsync(WebAppProcess web, IReadOnlyList<string> paths)
    {
        var first = await HttpLoad.RunAsync(web.BaseUri, paths, Clients, FirstSeconds).ConfigureAwait(false);
        await HttpLoad.RunAsync(web.BaseUri, paths, Clients, WarmUp).ConfigureAwait(false);
        var warm = await HttpLoad.RunAsync(web.BaseUri, paths, Clients, options.HttpDuration).ConfigureAwait(false);
        return (first, warm);
    }
}
