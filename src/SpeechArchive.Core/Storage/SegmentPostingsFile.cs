using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpeechArchive.Storage;

/// <summary>
/// The postings of an index's segments, for a loaded snapshot, outside the managed heap: streamed from the index file into a
/// file of their own in the temp folder (the index folder when that cannot be written), deleted at once where the system
/// allows (elsewhere when closed), and mapped — the page cache holds the postings that are read, as it holds Lucene's mapped
/// segment files, and the process's anonymous memory does not grow with the archive. Where no file can be written, they are
/// read into memory. Unmapped when the snapshot is collected. Not the index folder first: a deleted file held open there
/// keeps its file system from being remounted read-only, and the temp folder should be on a disk (on a tmpfs the pages are
/// memory again, though not anonymous). A snapshot reads them from the generation's postings file beside the index instead
/// (<see cref="ReadForGeneration"/>: <c>SAPOST01</c>, the generation, a digest of the segments, the postings' length, then
/// the segments' postings one after the other), written at the first load of the generation, so later loads copy nothing.
/// </summary>
internal sealed unsafe class SegmentPostingsFile
{
    private readonly MappedView? mapped;
    private readonly byte[]? bytes;
    private readonly (long At, int Length)[] ranges;

    private SegmentPostingsFile(List<SegmentTerms> segments, byte[]? bytes, MappedView? mapped, string? digest = null)
    {
        Segments = segments;
        Digest = digest;
        ranges = [.. segments.Select(s => (s.PostingsAt, checked((int)s.PostingsLength)))];
        this.bytes = bytes;
        this.mapped = mapped;
    }


    /// <summary>The segments, in segment order: their term lists too when the postings were read with them (not from the generation's file).</summary>
    public List<SegmentTerms> Segments { get; }

    /// <summary>The digest of the segments that names the generation's files of them, when the postings are mapped from the generation's file (else null).</summary>
    public string? Digest { get; }

    /// <summary>Whether the postings are mapped from a file (else in the managed heap).</summary>
    public bool Mapped => mapped is not null;

    /// <summary>The postings of segment <paramref name="segment"/> (its index in <see cref="Segments"/>); valid while this object is reachable.</summary>
    public ReadOnlySpan<byte> Postings(int segment)
    {
        var (at, length) = ranges[segment];
        return bytes is not null ? bytes.AsSpan((int)at, length) : new ReadOnlySpan<byte>(mapped!.Pointer + at, length);
    }

    private const string Prefix = "segment-postings-";
    private const string Extension = ".bin";
    private const int HeaderBytes = 32;
    private static ReadOnlySpan<byte> Magic => "SAPOST01"u8;

    /// <summary>
    /// Reads the segments of <paramref name="store"/> (of <paramref name="generation"/>, in its current read transaction): their
    /// postings mapped from the generation's postings file beside the index when it is there and whole (its header names this
    /// generation and these segments, its length is theirs), else written there first (deleting the other generations'); where
    /// the index folder cannot take it, streamed into a file of their own (<see cref="Read(IndexStore)"/>).
    /// </summary>
    public static SegmentPostingsFile ReadForGeneration(IndexStore store, long generation)
    {
        var heads = store.ReadSegmentHeads();
        var digest = DigestOf(heads);
        var name = GenerationFiles.Name(Prefix, generation, digest, Extension);
        var path = Path.Combine(store.Directory, name);
        var segments = new List<SegmentTerms>(heads.Count);
        long at = HeaderBytes;
        foreach (var (segment, _) in heads)
        {
            segments.Add(segment with { PostingsAt = at });
            at += segment.PostingsLength;
        }

        if (MapWhole(path, generation, digest, segments, at) is { } mapped)
        {
            return mapped;
        }

        List<SegmentTerms>? written = null; // with their term lists, read with the postings
        try
        {
            GenerationFiles.Write(path, stream =>
            {
                var header = GenerationFiles.Header(HeaderBytes, Magic, generation, digest);
                BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), at - HeaderBytes);
                stream.Write(header);
                written = store.ReadSegmentTerms(stream);
                if (!written.Select(s => (s.Id, s.PostingsAt, s.PostingsLength)).SequenceEqual(segments.Select(s => (s.Id, s.PostingsAt, s.PostingsLength))))
                {
                    throw new IOException($"the segments of '{store.Directory}' changed while their postings were written");
                }
            });
            GenerationFiles.DeleteOthers(store.Directory, Prefix, Extension, generation, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Read(store); // a read-only folder or a full disk: a file of their own elsewhere, else memory
        }

        return MapWhole(path, generation, digest, written ?? segments, at) ?? Read(store);
    }

    /// <summary>The generation's postings file mapped when it is <paramref name="length"/> bytes long and its header names <paramref name="generation"/> and <paramref name="digest"/>; else null.</summary>
    private static unsafe SegmentPostingsFile? MapWhole(string path, long generation, string digest, List<SegmentTerms> segments, long length)
    {
        MappedView mapped;
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length != length)
            {
                return null;
            }

            mapped = MappedView.Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // deleted by another process's load meanwhile, or unreadable: written again, or read elsewhere
        }

        var header = new ReadOnlySpan<byte>(mapped.Pointer, HeaderBytes);
        if (!GenerationFiles.Stamped(header, Magic, generation, digest) || BinaryPrimitives.ReadInt64LittleEndian(header[24..]) != length - HeaderBytes)
        {
            mapped.Dispose();
            return null;
        }

        return new SegmentPostingsFile(segments, null, mapped, digest);
    }

    /// <summary>A digest (16 hex digits) of the segments: each one's id, document count, postings length and when it was made.</summary>
    private static string DigestOf(List<(SegmentTerms Segment, string Created)> heads)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (s, created) in heads)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{s.Id}\t{s.DocCount}\t{s.PostingsLength}\t{created}\n")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
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
