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
    private readonly Lock openGate = new();
    private volatile Searcher? current;
    private volatile StatisticsCache? statistics;
    private Task<Searcher>? opening;

    public ArchiveHost(IOptions<ArchiveSettings> options, ILogger<ArchiveHost> logger, IHostApplicationLifetime lifetime)
    {
        this.logger = logger;
        this.lifetime = lifetime;
        CorpusDirectory = ArchivePaths.Resolve(options.Value.Corpus);
        IndexDirectory = ArchivePaths.Resolve(options.Value.Index);
    }

    public string CorpusDirectory { get; }

    public string IndexDirectory { get; }

    /// <summary>The searcher of the current index generation; read it once per request (the first ones may wait for the load).</summary>
    public Searcher Searcher => current ?? FinishOpening();

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
    /// for it. A load that fails stops the app, as a failure at start-up did.
    /// </summary>
    public void Open()
    {
        logger.Paths(CorpusDirectory, IndexDirectory);
        if (!Directory.Exists(CorpusDirectory))
        {
            logger.CorpusCreated(CorpusDirectory);
            Directory.CreateDirectory(CorpusDirectory);
        }

        // No committed run (no index, or the first build was killed): build one. An index of another schema version throws here.
        if (Indexer.CommittedGeneration(IndexDirectory) == 0)
        {
            logger.BuildingIndex(IndexDirectory, CorpusDirectory);
            var result = Indexer.Run(Options(rebuild: false), new StatusProgress(this));
            Finish(result, DateTimeOffset.UtcNow);
        }

        opening = Task.Run(() => new Searcher(IndexSnapshot.Load(IndexDirectory), LoadUnderstanding()));
        opening.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                Publish(t.Result);
                return;
            }

            var failure = t.Exception!.GetBaseException();
            logger.OpenFailed(failure);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
    }

    private IndexOptions Options(bool rebuild) => new()
    {
        CorpusDirectory = CorpusDirectory,
        IndexDirectory = IndexDirectory,
        Rebuild = rebuild,
        Parallelism = Math.Max(1, Environment.ProcessorCount - 1),
    };

    /// <summary>A new generation is served with the thesaurus as the corpus folder has it now (a broken file: the built-in one, logged).</summary>
    private void Swap(IndexSnapshot snapshot) => current = new Searcher(snapshot, LoadUnderstanding());

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
