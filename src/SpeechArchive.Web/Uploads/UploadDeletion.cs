namespace SpeechArchive.Web.Uploads;

/// <summary>What deleting one uploaded file did: deleted (it was <see cref="Path"/>), refused (the name is not an upload's), missing, or failed on the disk.</summary>
internal sealed record UploadDeletion(UploadDeletionOutcome Outcome, string Name, string? Path, string? Reason)
{
    public static UploadDeletion Deleted(string name, string path) => new(UploadDeletionOutcome.Deleted, name, path, null);

    public static UploadDeletion Refused(string name, string reason) => new(UploadDeletionOutcome.Refused, name, null, reason);

    public static UploadDeletion Missing(string name) => new(UploadDeletionOutcome.Missing, name, null, null);

    public static UploadDeletion Failed(string name, string reason) => new(UploadDeletionOutcome.Failed, name, null, reason);
}
