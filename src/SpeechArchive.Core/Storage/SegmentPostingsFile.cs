namespace SpeechArchive.Storage;

/// <summary>
/// The postings of an index's segments, for a loaded snapshot, outside the managed heap: streamed from the index file into a
/// file of their own in the temp folder (the index folder when that cannot be written), deleted at once where the system
/// allows (elsewhere when closed), and mapped — the page cache holds the postings that are read, as it holds Lucene's mapped
/// segment files, and the process's anonymous memory does not grow with the archive. Where no file can be written, they are
/// read into memory. Unmapped when the snapshot is collected. Not the index folder first: a deleted file held open there
/// keeps its file system from being remounted read-only, and the temp folder should be on a disk (on a tmpfs the pages are
/// memory again, though not anonymous).
/// </summary>
internal sealed unsafe class SegmentPostingsFile
{
    private readonly MappedView? mapped;
    private readonly byte[]? bytes;
    private readonly (long At, int Length)[] ranges;

    private SegmentPostingsFile(List<SegmentTerms> segments, byte[]? bytes, MappedView? mapped)
    {
        Segments = segments;
        ranges = [.. segments.Select(s => (s.PostingsAt, checked((int)s.PostingsLength)))];
        this.bytes = bytes;
        this.mapped = mapped;
    }

    ~SegmentPostingsFile() => mapped?.Dispose();

    /// <summary>The segments' term lists, in segment order.</summary>
    public List<SegmentTerms> Segments { get; }

    /// <summary>Whether the postings are mapped from a file (else in the managed heap).</summary>
    public bool Mapped => mapped is not null;

    /// <summary>The postings of segment <paramref name="segment"/> (its index in <see cref="Segments"/>); valid while this object is reachable.</summary>
    public ReadOnlySpan<byte> Postings(int segment)
    {
        var (at, length) = ranges[segment];
        return bytes is not null ? bytes.AsSpan((int)at, length) : new ReadOnlySpan<byte>(mapped!.Pointer + at, length);
    }

    /// <summary>Reads the segments of <paramref name="store"/> in its current read transaction.</summary>
    public static SegmentPostingsFile Read(IndexStore store) => Read(store, [Path.GetTempPath(), store.Directory]);

    /// <summary>Reads the segments of <paramref name="store"/>, mapped from a file in the first of <paramref name="folders"/> that takes it, else in memory.</summary>
    internal static SegmentPostingsFile Read(IndexStore store, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            FileStream file;
            var path = Path.Combine(folder, $"postings-{Guid.NewGuid():N}.map");
            try
            {
                file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1 << 16,
                    OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path); // at once: a process killed while writing leaves nothing behind; the open file is written and mapped
            }

            try
            {
                var segments = store.ReadSegmentTerms(file);
                if (file.Length == 0)
                {
                    file.Dispose();
                    return new SegmentPostingsFile(segments, [], null);
                }

                file.Flush();
                return new SegmentPostingsFile(segments, null, MappedView.Of(file));
            }
            catch (IOException)
            {
                // This folder filled up while the postings were written (the file is deleted below): try the next, else memory.
                Close(file);
                continue;
            }
            catch
            {
                file.Dispose();
                throw;
            }

        }

        var memory = new MemoryStream();
        return new SegmentPostingsFile(store.ReadSegmentTerms(memory), memory.GetBuffer(), null);
    }

    /// <summary>Closes a file whose buffered bytes a full disk refuses (closing flushes them, and throws again; the handle is closed regardless).</summary>
    private static void Close(FileStream file)
    {
        try
        {
            file.Dispose();
        }
        catch (IOException)
        {
            // the disk is full: nothing of this file is wanted
        }
    }
}
