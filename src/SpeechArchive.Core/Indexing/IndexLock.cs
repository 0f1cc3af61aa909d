namespace SpeechArchive.Indexing;

/// <summary>An exclusive lock file in the index folder: a second indexing run on the same index is refused, never interleaved.</summary>
public sealed class IndexLock : IDisposable
{
    private readonly FileStream stream;

    private IndexLock(FileStream stream) => this.stream = stream;

    public static IndexLock Acquire(string indexDirectory)
    {
        Directory.CreateDirectory(indexDirectory);
        var path = Path.Combine(indexDirectory, "indexing.lock");
        try
        {
            var fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new IndexLock(fs);
        }
        catch (IOException e)
        {
            throw new SpeechArchiveException($"Another indexing run is using '{indexDirectory}' (lock file {path} is held); try again when it finishes.", e);
        }
    }

    public void Dispose() => stream.Dispose();
}
