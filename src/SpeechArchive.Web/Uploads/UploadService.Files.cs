using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Uploads;

internal sealed partial class UploadService
{
    /// <summary>The documents in <c>uploads/</c> (not hidden, .md/.txt), newest first, each with the speech the served index made of it.</summary>
    public IReadOnlyList<UploadedFile> List()
    {
        var folder = new DirectoryInfo(Path.Combine(archive.CorpusDirectory, Folder));
        if (!folder.Exists)
        {
            return [];
        }

        var speeches = IndexedSpeeches();
        return
        [
            .. folder.EnumerateFiles()
                .Where(f => !f.Name.StartsWith('.') && UploadLimits.IsDocument(f.Name))
                .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f =>
                {
                    var path = Folder + "/" + f.Name;
                    var speech = speeches.GetValueOrDefault(path);
                    return new UploadedFile(f.Name, path, f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero), speech?.Id, speech?.Title);
                }),
        ];
    }

    /// <summary>
    /// Deletes the uploaded file <paramref name="name"/> (a bare name from <see cref="List"/>), refusing any name that is not
    /// one of <c>uploads/</c>' own files. The index keeps the speech until the next reindex, which the caller starts.
    /// </summary>
    public UploadDeletion Delete(string? name)
    {
        if (UploadedName.Refusal(name) is { } refusal)
        {
            return UploadDeletion.Refused(name ?? "", refusal);
        }

        var folder = Path.GetFullPath(Path.Combine(archive.CorpusDirectory, Folder));
        var target = Path.GetFullPath(Path.Combine(folder, name!));
        if (!string.Equals(Path.GetDirectoryName(target), folder, StringComparison.Ordinal))
        {
            return UploadDeletion.Refused(name!, $"“{name}”不在 uploads/ 中。(not in uploads/)");
        }

        if (!File.Exists(target))
        {
            return UploadDeletion.Missing(name!);
        }

        try
        {
            File.Delete(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.UploadFailed(target, e);
            return UploadDeletion.Failed(name!, DiskFailure.Describe(e)); // not its message, which names the server's folders
        }

        logger.UploadDeleted(target);
        return UploadDeletion.Deleted(name!, Folder + "/" + name);
    }

    /// <summary>The served index's speeches by corpus file key; none while the index is damaged.</summary>
    private Dictionary<string, SpeechInfo> IndexedSpeeches()
    {
        if (archive.Damaged is not null)
        {
            return [];
        }

        var prefix = Folder + "/";
        var speeches = new Dictionary<string, SpeechInfo>(StringComparer.Ordinal);
        foreach (var speech in archive.Snapshot.Speeches)
        {
            if (speech.FileKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                speeches.TryAdd(speech.FileKey, speech);
            }
        }

        return speeches;
    }
}
