namespace SpeechArchive.Web.Uploads;

/// <summary>The answer to deleting an upload: the file deleted (relative to the corpus), and whether the reindex that drops its passages started or was queued behind a running one.</summary>
internal sealed record UploadDeletionReport(string Deleted, bool ReindexStarted, bool ReindexQueued);
