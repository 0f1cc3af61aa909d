namespace SpeechArchive.Web.Uploads;

/// <summary>The outcomes of <see cref="UploadDeletion"/>.</summary>
internal enum UploadDeletionOutcome
{
    Deleted,
    /// <summary>The name is no file name of <c>uploads/</c> (a path, <c>..</c>, control characters, not .md/.txt): nothing was looked up.</summary>
    Refused,
    Missing,
    /// <summary>The file is there but could not be deleted (permissions, I/O).</summary>
    Failed,
}
