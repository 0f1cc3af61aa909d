namespace SpeechArchive.Indexing;

/// <summary>An exclusive lock file in the index folder: a second indexing run on the same index is refused, never interleaved.</summary>
public sealed class IndexLock : IDisposable
{
    private readonly FileStream stream;

    private IndexLock(FileStream stream) => this.stream = stream;

    /// <summary>The HResult of the <see cref="IOException"/> for a lock file another run holds: EWOULDBLOCK from flock on Unix.</summary>
    private const int WouldBlock = 11;

    /// <summary>The same on Windows: ERROR_SHARING_VIOLATION as an HRESULT.</summary>
    private const int SharingViolation = unchecked((int)0x80070020);

    public static IndexLock Acquire(string indexDirectory)
    {
        var path = Path.Combine(indexDirectory, "indexing.lock");
        try
        {
            Directory.CreateDirectory(indexDirectory);
            var fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new IndexLock(fs);
        }
        catch (IOException e) when (e.HResult is WouldBlock or SharingViolation)
        {
            throw new SpeechArchiveException($"Another indexing run is using '{indexDirectory}' (lock file {path} is held); try again when it finishes.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full file system, a missing parent, no permission: the index folder cannot be written at all.
            throw new SpeechArchiveException($"Cannot write the index folder '{indexDirectory}': {e.Message.TrimEnd('.')}. The index there, if any, is unchanged.", e);
        }
    }

    public void Dispose() => stream.Dispose();
}
