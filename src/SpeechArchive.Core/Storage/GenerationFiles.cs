using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpeechArchive.Storage;

/// <summary>
/// What the files a snapshot derives from one index generation and keeps beside the database share (the speeches' texts,
/// <see cref="SpeechTextFile"/>; the passages' columns, <see cref="PassageColumnFile"/>; the segments' postings,
/// <see cref="SegmentPostingsFile"/>; the speech and section rows, <see cref="SpeechRowFile"/>; the passages' vectors,
/// <see cref="PassageVectorFile"/>; the reprint groups, <see cref="ReprintFile"/>): a name that carries the generation and a digest (of the speech rows, of the segments,
/// or of the stored vectors' table and model), so a new generation or a rebuilt index never reads an older file; a write
/// through a temporary file renamed into place; and the deletion of the other generations' files.
/// </summary>
internal static class GenerationFiles
{
    /// <summary>A digest (16 hex digits) of <paramref name="speeches"/> (row id, content hash, when indexed).</summary>
    public static string Digest(IEnumerable<StoredSpeech> speeches)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in speeches)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{s.RowId}\t{s.ContentHash}\t{s.IndexedAt}\n")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }

    /// <summary><c>&lt;prefix&gt;&lt;generation&gt;-&lt;digest&gt;&lt;extension&gt;</c>.</summary>
    public static string Name(string prefix, long generation, string digest, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{generation}-{digest}{extension}");

    /// <summary>Writes the file at <paramref name="path"/> with <paramref name="write"/>, through a temporary file flushed to disk and renamed into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = string.Create(CultureInfo.InvariantCulture, $"{path}.{Guid.NewGuid():N}.tmp"); // two loads may write at once
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true); // on disk before the rename: after a power loss the name never points at zeros
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Deletes the files <c>&lt;prefix&gt;*</c> in <paramref name="directory"/> of generations before <paramref name="generation"/>
    /// or of the same one but other rows than <paramref name="keep"/>'s (a rebuilt index), and temporary files left an hour ago.
    /// A later generation's file is kept while it is recent (its load may be under way); one written an hour ago or more is
    /// an earlier database's (a damaged index set aside, or a deleted one, starts its generations again). A map still open
    /// on a deleted file stays readable.
    /// </summary>
    public static void DeleteOthers(string directory, string prefix, string extension, long generation, string keep)
    {
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*"))
        {
            var name = Path.GetFileName(file);
            var dash = name.IndexOf('-', prefix.Length);
            var stale = name.EndsWith(extension, StringComparison.Ordinal)
                ? !string.Equals(name, keep, StringComparison.Ordinal)
                    && (dash < 0 || !long.TryParse(name.AsSpan(prefix.Length, dash - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var other)
                        || other <= generation || File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1))
                : File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1);
            if (stale)
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // in use elsewhere (Windows) or a read-only folder: a later load tries again
                }
            }
        }
    }

    /// <summary>
    /// A new header of <paramref name="bytes"/> bytes stamped as every generation file's begins: its magic (8 bytes), the
    /// generation (int64) and the digest of what it was made from (8 bytes at 16); the rest, from byte 24, is the file's own.
    /// </summary>
    public static byte[] Header(int bytes, ReadOnlySpan<byte> magic, long generation, string digest)
    {
        var header = new byte[bytes];
        magic.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), generation);
        Convert.FromHexString(digest).CopyTo(header.AsSpan(16, 8));
        return header;
    }

    /// <summary>Whether <paramref name="header"/> is stamped (<see cref="Header"/>) with <paramref name="magic"/>, <paramref name="generation"/> and <paramref name="digest"/>.</summary>
    public static bool Stamped(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic, long generation, string digest) =>
        header[..8].SequenceEqual(magic) && BinaryPrimitives.ReadInt64LittleEndian(header[8..]) == generation
        && header.Slice(16, 8).SequenceEqual(Convert.FromHexString(digest));

    /// <summary>
    /// What <paramref name="decode"/> reads from the file at <paramref name="path"/> mapped (<see cref="Map"/>), or null, the map
    /// closed, when the file is missing, shorter than <paramref name="least"/> bytes or not what the caller wants.
    /// </summary>
    public static T? Read<T>(string path, int least, Func<MappedView, int, T?> decode)
        where T : class
    {
        if (Map(path, least) is not var (mapped, length))
        {
            return null;
        }

        var read = decode(mapped, length);
        if (read is null)
        {
            mapped.Dispose();
        }

        return read;
    }

    /// <summary>Whether the last 8 bytes of <paramref name="file"/> are the checksum of all before them (<see cref="PaddedWriter"/>).</summary>
    public static bool Summed(ReadOnlySpan<byte> file)
    {
        var checksum = new Checksum();
        checksum.Add(file[..^8]);
        return checksum.Value == BinaryPrimitives.ReadUInt64LittleEndian(file[^8..]);
    }

    /// <summary><paramref name="length"/> rounded up to a multiple of 8.</summary>
    public static long Padded(long length) => (length + 7) & ~7L;

    /// <summary>
    /// The file at <paramref name="path"/> mapped, with its length, when it is at least <paramref name="least"/> bytes long
    /// (and at most 2 GB, on a little-endian machine, as every reader here wants); else null: none, deleted by another
    /// process's load meanwhile, unreadable or too short — the caller makes what it holds again.
    /// </summary>
    public static (MappedView Map, int Length)? Map(string path, int least)
    {
        try
        {
            var length = new FileInfo(path).Length;
            return length < least || length > int.MaxValue || !BitConverter.IsLittleEndian ? null : (MappedView.Of(path), (int)length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The column of <paramref name="count"/> values at byte <paramref name="at"/> of <paramref name="mapped"/>, and <paramref name="at"/> moved past it (padded to 8).</summary>
    public static unsafe Column<T> Next<T>(MappedView mapped, ref int at, int count)
        where T : unmanaged
    {
        var column = new Column<T>(mapped, (T*)(mapped.Pointer + at), count);
        at += (int)Padded((long)count * sizeof(T));
        return column;
    }

    /// <summary>Writes a file's parts each padded with zeros to 8 bytes, summing them as a reader sums the whole file (in 8-byte words), then the sum.</summary>
    public sealed class PaddedWriter(Stream stream)
    {
        private Checksum checksum = new();

        public void Put(ReadOnlySpan<byte> part)
        {
            var whole = part.Length & ~7;
            Span<byte> tail = stackalloc byte[8];
            tail.Clear();
            part[whole..].CopyTo(tail);
            stream.Write(part[..whole]);
            checksum.Add(part[..whole]);
            if (whole < part.Length)
            {
                stream.Write(tail);
                checksum.Add(tail);
            }
        }

        /// <summary>Writes the sum of all put before.</summary>
        public void End()
        {
            Span<byte> sum = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(sum, checksum.Value);
            stream.Write(sum);
        }
    }

    /// <summary>A 64-bit checksum of the bytes added, a multiply-rotate over 8-byte words (every part added is a multiple of 8 bytes long).</summary>
    public struct Checksum
    {
        private ulong value = 0x9E3779B97F4A7C15;

        public Checksum()
        {
        }

        public readonly ulong Value => value;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes);
            var h = value;
            foreach (var w in words)
            {
                h = ulong.RotateLeft((h ^ w) * 0xFF51AFD7ED558CCD, 29);
            }

            value = h;
        }
    }
}
