namespace SpeechArchive.Web.Uploads;

/// <summary>The answer to an upload: one outcome per file or zip entry, and whether a reindex was started or queued behind a running one.</summary>
internal sealed record UploadReport(IReadOnlyList<UploadOutcome> Files, bool ReindexStarted, bool ReindexQueued = false)
{
    public int Accepted => Files.Count(f => f.Accepted);

    public int Rejected => Files.Count(f => !f.Accepted);
}
