using SpeechArchive.Indexing;

namespace SpeechArchive.Web.Hosting;

/// <summary>What the background indexer is doing, and how the last run ended; served by <c>/api/admin/status</c>.</summary>
internal sealed record ReindexStatus
{
    public bool Running { get; init; }
    /// <summary>Another run is queued behind the current one (an upload asked for it while this one ran).</summary>
    public bool Queued { get; init; }
    public string Stage { get; init; } = "idle";
    public int Done { get; init; }
    public int Total { get; init; }
    public string? Current { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Generation of the index that searches are answered from now.</summary>
    public long Generation { get; init; }
    /// <summary>Why the last run failed, if it did (the previous index stays in service).</summary>
    public string? Error { get; init; }
    public IndexRunResult? LastRun { get; init; }
}
