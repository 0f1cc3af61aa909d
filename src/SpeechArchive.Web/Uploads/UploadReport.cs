namespace SpeechArchive.Web.Uploads;

/// <summary>The answer to an upload: one outcome per file or zip entry, and whether a reindex was started.</summary>
internal sealed record UploadReport(IReadOnlyList<UploadOutcome> Files, bool ReindexStarted)
{
    public int Accepted => Files.Count(f => f.Accepted);

    public int Rejected => Files.Count(f => !f.Accepted);
}
