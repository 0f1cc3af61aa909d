using Microsoft.Extensions.Options;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Hosting;

/// <summary>
/// Holds the searcher that answers every request. A reindex runs in the background and swaps in the new snapshot with one
/// reference write, so searches never wait and never see a half-built index.
/// </summary>
internal sealed partial class ArchiveHost
{
    private readonly ILogger<ArchiveHost> logger;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ArchiveSettings settings;
    private volatile IndexDamagedException? damaged;
    private readonly Lock openGate = new();
    private volatile Searcher? current;
    private volatile StatisticsCache? statistics;
    private Task<Searcher>? opening;
    private readonly IProgress<IndexProgress>[] observers;

    /// <param name="observers">Also told each indexing run's progress (none by default; a test holds a run at a stage with one).</param>
    public ArchiveHost(IOptions<ArchiveSettings> options, ILogger<ArchiveHost> logger, IHostApplicationLifetime lifetime, IEnumerable<IProgress<IndexProgress>> observers)
    {
        this.logger = logger;
        this.observers = [.. observers];
        this.lifetime = lifetime;
        settings = options.Value;
        CorpusDirectory = ArchivePaths.Resolve(options.Value.Corpus);
        IndexDirectory = ArchivePaths.Resolve(options.Value.Index);
    }

    public string CorpusDirectory { get; }

    public string IndexDirectory { get; }

    /// <summary>
    /// The searcher of the current index generation; read it once per request (the first ones may wait for the load). Throws
    /// <see cref="IndexDamagedException"/> while the index is damaged and not yet rebuilt.
    /// </summary>
    public Searcher Searcher => current ?? (damaged is { } d ? throw d : FinishOpening());

    /// <summary>Why there is nothing to serve: the index file is damaged and has not been rebuilt yet (null otherwise).</summary>
    public IndexDamagedException? Damaged => current is null ? damaged : null;

    public IndexSnapshot Snapshot => Searcher.Index;

    /// <summary>Counts of the current snapshot, computed once per generation.</summary>
    public IndexStatistics Statistics
    {
        get
        {
            var snapshot = Snapshot;
            var cached = statistics;
            if (cached is null || !ReferenceEquals(cached.Snapshot, snapshot))
            {
                cached = new StatisticsCache(snapshot, IndexStatistics.Of(snapshot));
                statistics = cached;
            }

            return cached.Statistics;
        }
    }

    /// <summary>
    /// Builds the index from the corpus first when there is none (progress goes to the log), then starts loading it in the
    /// background: the rest of start-up (routing, Kestrel) overlaps the load, and requests arriving before it ends wait
    /// for it. A damaged index is rebuilt first when <see cref="ArchiveSettings.RebuildDamagedIndex"/> is set, else every
    /// page says it is damaged (<see cref="Damaged"/>) until the admin rebuilds it; any other load failure stops the app.
    /// </summary>
    public void Open()
    {
        logger.Paths(CorpusDirectory, IndexDirectory);
        if (!Directory.Exists(CorpusDirectory))
        {
            logger.CorpusCreated(CorpusDirectory);
            Directory.CreateDirectory(CorpusDirectory);
        }

        var otherPipeline = false; // an index another pipeline wrote (before traditional characters were folded, say) serves until it is read again
        try
        {
            // An index of another schema version throws here.
            var generation = Indexer.CommittedGeneration(IndexDirectory);
            otherPipeline = generation > 0 && Indexer.WrittenByAnotherPipeline(IndexDirectory);
            if (settings.CheckIndexAtStart && generation > 0)
            {
                Indexer.Check(IndexDirectory);
            }

            // No committed run (no index, or the first build was killed): build one.
            if (generation == 0)
            {
                logger.BuildingIndex(IndexDirectory, CorpusDirectory);
                var result = Indexer.Run(Options(rebuild: false), new StatusProgress(this));
                Finish(result, DateTimeOffset.UtcNow);
            }
        }
        catch (IndexDamagedException e)
        {
            if (!RebuildDamaged(e))
            {
                return;
            }
        }

        opening = Task.Run(() => Load(rebuildWhenDamaged: settings.RebuildDamagedIndex));
        opening.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                Publish(t.Result);
                if (otherPipeline)
                {
                    logger.ReindexingOtherPipeline(IndexDirectory);
                    StartOrQueueReindex();
                }

                return;
            }

            var failure = t.Exception!.GetBaseException();
            if (failure is IndexDamagedException d)
            {
                MarkDamaged(d);
                return;
            }

            logger.OpenFailed(failure);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Loads the committed index; a damaged one is rebuilt first when the settings ask for it.</summary>
    private Searcher Load(bool rebuildWhenDamaged)
    {
        try
        {
            return new Searcher(LoadSnapshot(), LoadUnderstanding());
        }
        catch (IndexDamagedException e) when (rebuildWhenDamaged && RebuildDamaged(e))
        {
            return new Searcher(LoadSnapshot(), LoadUnderstanding());
        }
    }

    /// <summary>Loads the committed snapshot at start, settles the heap it leaves, and logs how long each stage took.</summary>
    private IndexSnapshot LoadSnapshot()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = IndexSnapshot.Load(IndexDirectory);
        var loaded = clock.Elapsed.TotalSeconds;
        SettleHeap();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.Loaded(snapshot.Generation, clock.Elapsed.TotalSeconds, Stages(snapshot.LoadSeconds)
                + string.Create(System.Globalization.CultureInfo.InvariantCulture, $", heap settled {clock.Elapsed.TotalSeconds - loaded:0.000} s"));
        }

        return snapshot;
    }

    /// <summary>
    /// Two full collections before the first search: the load leaves the snapshot's small objects (speech and section records,
    /// their strings: about 200 MB at ×10) in the young generations, where the collections of the first searches would copy
    /// them twice, generation 0 to 1 and 1 to 2, in pauses of 60–140 ms under load; collected now, they reach the oldest
    /// generation before any search waits on it (about 0.2 s at ×10, counted in the time to ready). Only at start: a reindex
    /// loads its snapshot while searches are served.
    /// </summary>
    private static void SettleHeap()
    {
        GC.Collect();
        GC.Collect();
    }

    private static string Stages(IReadOnlyDictionary<string, double> seconds) =>
        string.Join(", ", seconds.Select(kv => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.000} s")));

    /// <summary>
    /// A damaged index at start: rebuilt from the corpus when <see cref="ArchiveSettings.RebuildDamagedIndex"/> is set
    /// (true), else marked damaged so every page says so (false).
    /// </summary>
    private bool RebuildDamaged(IndexDamagedException e)
    {
        if (!settings.RebuildDamagedIndex)
        {
            MarkDamaged(e);
            return false;
        }

        logger.IndexDamaged("rebuilding it from the corpus (SpeechArchive:RebuildDamagedIndex)", e.Message);
        var result = Indexer.Run(Options(rebuild: true), new StatusProgress(this));
        Finish(result, DateTimeOffset.UtcNow);
        return true;
    }

    private void MarkDamaged(IndexDamagedException e)
    {
        damaged = e;
        logger.IndexDamaged("serving a page that says so until it is rebuilt (完全重建 in /admin, `index --rebuild`, or SpeechArchive:RebuildDamagedIndex=true)", e.Message);
    }

    /// <summary>Waits for the initial load (rethrowing its failure) and returns the searcher then current.</summary>
    private Searcher FinishOpening()
    {
        var task = opening ?? throw new InvalidOperationException("The archive is not open yet: call Open() at startup.");
        Publish(task.GetAwaiter().GetResult());
        return current!;
    }

    /// <summary>Serves the initially loaded searcher, unless a reindex already swapped in a newer one.</summary>
    private void Publish(Searcher searcher)
    {
        lock (openGate)
        {
            if (current is not null)
            {
                return;
            }

            current = searcher;
            status = status with { Generation = searcher.Index.Generation };
        }

        logger.Serving(searcher.Index.Speeches.Count, searcher.Index.Passages.Count, searcher.Index.Generation);
        _ = Task.Run(() => Prepare(searcher.Index, searcher.Understanding));
    }

    /// <summary>
    /// Builds what searches derive from the snapshot, then what understanding reads with its segmenter (the thesaurus's
    /// formulations' descriptions), then the passages' vectors for ranking by meaning, so no search waits for them one after
    /// the other (at start a search arriving meanwhile waits only for the part it needs; a reindex: before the swap). A
    /// failure of one part is logged and leaves the rest to be built.
    /// </summary>
    private void Prepare(IndexSnapshot snapshot, QueryUnderstanding? understanding)
    {
        try
        {
            var search = snapshot.PrepareSearch();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.SearchReady(search, Stages(snapshot.PrepareSeconds));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.PrepareFailed("what searches derive from the index", e); // the first searches build it, or fail with the cause
        }

        try
        {
            if (understanding is not null)
            {
                var seconds = understanding.Prepare(snapshot);
                logger.UnderstandingReady(understanding.Thesaurus.Formulations.Count, seconds);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.PrepareFailed("the formulations' descriptions", e); // the first free-text query reads them, or fails with the cause
        }

        try
        {
            var seconds = snapshot.PrepareMeaning();
            logger.MeaningReady(snapshot.Passages.Count, seconds, snapshot.MeaningVectors switch
            {
                { CellsStored: true } v => $"laid out in the {v.Cells} cells stored with the index",
                { Cells: > 0 } v => $"{v.Cells} cells made now",
                _ => "no cells",
            },
                snapshot.Meaning is { } model ? $"{model.Kind} model, generation {model.Generation}: {model.Words.Provenance}" : "none");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.MeaningFailed(e); // the first free-text query builds them again, or fails with the cause
        }
    }

    private IndexOptions Options(bool rebuild) => new()
    {
        CorpusDirectory = CorpusDirectory,
        IndexDirectory = IndexDirectory,
        Rebuild = rebuild,
        Parallelism = Math.Max(1, Environment.ProcessorCount - 1),
    };

    /// <summary>A new generation is served with the thesaurus as the corpus folder has it now (a broken file: the built-in one, logged).</summary>
    private void Swap(IndexSnapshot snapshot)
    {
        var understanding = LoadUnderstanding();
        Prepare(snapshot, understanding);
        current = new Searcher(snapshot, understanding);
        damaged = null;
        _ = ReleaseReplacedAsync();
    }

    /// <summary>How long after a swap the replaced snapshot's mapped files are closed (requests still on it end well before).</summary>
    private static readonly TimeSpan ReleaseDelay = TimeSpan.FromSeconds(30);

    /// <summary>Once requests on the replaced snapshot have ended, collects it and closes its maps, so its deleted files give their disk back.</summary>
    private static async Task ReleaseReplacedAsync()
    {
        await Task.Delay(ReleaseDelay).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        IndexSnapshot.ReleaseUnreachable();
    }

    private QueryUnderstanding LoadUnderstanding()
    {
        try
        {
            return new QueryUnderstanding(Thesaurus.ForCorpus(CorpusDirectory));
        }
        catch (SpeechArchiveException e)
        {
            logger.ThesaurusFailed(e.Message);
            return QueryUnderstanding.Default;
        }
    }

    private sealed record StatisticsCache(IndexSnapshot Snapshot, IndexStatistics Statistics);
}
