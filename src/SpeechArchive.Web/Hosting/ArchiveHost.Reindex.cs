using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Hosting;

internal sealed partial class ArchiveHost
{
    private readonly Lock gate = new();
    private volatile ReindexStatus status = new();
    private Task? running;
    private bool queued;

    public ReindexStatus Status => status;

    /// <summary>Starts a reindex in the background; false when one is already running (one at a time).</summary>
    public bool TryStartReindex(bool rebuild)
    {
        lock (gate)
        {
            if (running is not null)
            {
                return false;
            }

            Start(rebuild);
            return true;
        }
    }

    /// <summary>
    /// Starts a reindex, or, while one runs, queues one more to follow it (a run that already scanned the corpus would miss
    /// files stored since). True when it started now, false when it was queued. Runs never overlap.
    /// </summary>
    public bool StartOrQueueReindex()
    {
        lock (gate)
        {
            if (running is null)
            {
                Start(rebuild: false);
                return true;
            }

            queued = true;
            status = status with { Queued = true };
            return false;
        }
    }

    private void Start(bool rebuild)
    {
        status = status with { Running = true, Queued = queued, Stage = "start", Done = 0, Total = 0, Current = null, StartedAt = DateTimeOffset.UtcNow, FinishedAt = null, Error = null };
        running = Task.Run(() => Reindex(rebuild));
    }

    private void Reindex(bool rebuild)
    {
        try
        {
            logger.ReindexStarted(rebuild);
            var result = Indexer.Run(Options(rebuild), new StatusProgress(this));
            var snapshot = IndexSnapshot.Load(IndexDirectory);
            Swap(snapshot);
            Finish(result, DateTimeOffset.UtcNow);
        }
        catch (Exception e)
        {
            logger.ReindexFailed(e);
            status = status with { Stage = "failed", FinishedAt = DateTimeOffset.UtcNow, Error = e.Message };
        }
        finally
        {
            lock (gate)
            {
                // Running turns false only here, so a poller never sees a gap between a run and the one queued behind it.
                if (queued)
                {
                    queued = false;
                    Start(rebuild: false);
                }
                else
                {
                    running = null;
                    status = status with { Running = false };
                }
            }
        }
    }

    private void Finish(IndexRunResult result, DateTimeOffset at)
    {
        logger.RunFinished(result.Elapsed.TotalSeconds, result.Added, result.Updated, result.Removed, result.Failed.Count, result.Speeches, result.Generation);
        foreach (var failure in result.Failed)
        {
            logger.NotIndexed(failure.File, failure.Reason);
        }

        status = status with
        {
            Stage = "done",
            FinishedAt = at,
            Generation = current?.Index.Generation ?? result.Generation,
            Error = null,
            LastRun = result,
        };
    }

    /// <summary>Reports progress synchronously (Progress&lt;T&gt; would post out of order) into the status and the log.</summary>
    private sealed class StatusProgress(ArchiveHost host) : IProgress<IndexProgress>
    {
        private readonly Lock sync = new();
        private readonly Dictionary<string, int> lastQuarter = new(StringComparer.Ordinal); // per stage: stages overlap

        public void Report(IndexProgress value)
        {
            lock (sync)
            {
                Update(value);
            }

            foreach (var observer in host.observers)
            {
                observer.Report(value);
            }
        }

        private void Update(IndexProgress value)
        {
            // "commit 0/1" marks the write transaction opening, which for a rebuild is before anything was read: the page
            // says 写入索引 only when the writing is what the run is doing.
            if (value is not { Stage: "commit", Done: 0 })
            {
                host.status = host.status with { Stage = value.Stage, Done = value.Done, Total = value.Total, Current = value.Current };
            }

            var quarter = value.Total == 0 ? 4 : value.Done * 4 / value.Total;
            if (!lastQuarter.TryGetValue(value.Stage, out var last) || quarter != last)
            {
                lastQuarter[value.Stage] = quarter;
                host.logger.Progress(value.Stage, value.Done, value.Total);
            }
        }
    }
}
