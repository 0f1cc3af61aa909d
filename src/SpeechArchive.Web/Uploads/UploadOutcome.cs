namespace SpeechArchive.Web.Uploads;

/// <summary>
/// What happened to one uploaded file (or zip entry): accepted and stored as <see cref="StoredAs"/> (relative to the corpus), or
/// rejected with a reason. <see cref="Unchanged"/>: accepted, but the same bytes were there already (as <see cref="StoredAs"/>),
/// so nothing was written and there is nothing new to index.
/// </summary>
internal sealed record UploadOutcome(string Name, bool Accepted, string? StoredAs, string? Reason, bool Unchanged = false)
{
    public static UploadOutcome Accept(string name, string storedAs, string? note = null) => new(name, true, storedAs, note);

    public static UploadOutcome Same(string name, string storedAs, string note) => new(name, true, storedAs, note, Unchanged: true);

    /// <summary>Whether this file changed the corpus (a reindex has something to take in).</summary>
    public bool Stored => Accepted && !Unchanged;

    public static UploadOutcome Reject(string name, string reason) => new(name, false, null, reason);
}

/// <summary>
/// What one upload or deletion through the admin page did: each uploaded file's outcome (none for a deletion), the line
/// that sums it up, and whether that line reports a failure; where it started a reindex, the line that sums it up once a
/// reindex has finished after it (<see cref="Indexed"/>, with <see cref="At"/>), so a reload after the run does not still
/// say the run is going on.
/// </summary>
internal sealed record UploadSummary(IReadOnlyList<UploadOutcome> Outcomes, string Message, bool Failed = false, string? Indexed = null)
{
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The line to show while the index is in <paramref name="status"/>.</summary>
    public string MessageFor(Hosting.ReindexStatus status) =>
        Indexed is not null && !status.Running && !status.Queued && status.Error is null && status.FinishedAt > At ? Indexed : Message;
}
