namespace SpeechArchive.Web.Uploads;

/// <summary>What happened to one uploaded file (or zip entry): accepted and stored as <see cref="StoredAs"/> (relative to the corpus), or rejected with a reason.</summary>
internal sealed record UploadOutcome(string Name, bool Accepted, string? StoredAs, string? Reason)
{
    public static UploadOutcome Accept(string name, string storedAs, string? note = null) => new(name, true, storedAs, note);

    public static UploadOutcome Reject(string name, string reason) => new(name, false, null, reason);
}

/// <summary>
/// What one upload or deletion through the admin page did: each uploaded file's outcome (none for a deletion), the line
/// that sums it up, and whether that line reports a failure.
/// </summary>
internal sealed record UploadSummary(IReadOnlyList<UploadOutcome> Outcomes, string Message, bool Failed = false);
