using System.Buffers.Binary;
using System.Runtime.InteropServices;
using SpeechArchive.Semantics;

namespace SpeechArchive.Storage;

/// <summary>
/// The passages' vectors of one index generation, laid out for search (<see cref="LaidOutRows"/>: cell by cell), in a file
/// beside the database, written when a snapshot first uses them (the web app: right after its load), so that the rows are
/// mapped rather than held in the heap (at ten times the shared corpus, 3.3 M rows of 128 bytes: 0.43 GB the page cache
/// holds instead of the process). Both halves of the format live here: a 64-byte header (<c>SAPVEC01</c>, the generation,
/// a digest naming the stored table it was laid out from (its passages and common component, the model, its generation and
/// the lexicon: <c>ArchiveVectors.MappedPassages</c>), the rows and dimensions), the passages' row ids (int64), the common component (float), the rows
/// (sbyte), their scales (float), their sums (int32), each passage's row (int32), each padded to 8 bytes, then a checksum of
/// all before it. A file of another generation or other vectors, cut short, altered or out of range is not used.
/// </summary>
internal static class PassageVectorFile
{
    private const string Prefix = "passage-vectors-";
    private const string Extension = ".bin";
    private const int HeaderBytes = 64;
    private static ReadOnlySpan<byte> Magic => "SAPVEC01"u8;

    /// <summary>The file name for <paramref name="generation"/> with the stored vectors of <paramref name="digest"/> (16 hex digits).</summary>
    public static string NameFor(long generation, string digest) => GenerationFiles.Name(Prefix, generation, digest, Extension);

    /// <summary>Deletes the other generations' vectors files in <paramref name="directory"/> (<see cref="GenerationFiles.DeleteOthers"/>).</summary>
    public static void DeleteOthers(string directory, long generation, string keep) =>
        GenerationFiles.DeleteOthers(directory, Prefix, Extension, generation, keep);

    /// <summary>Whether <paramref name="rows"/> vectors of <paramref name="dimensions"/> fit one file (a map of at most 2 GB).</summary>
    public static bool Fits(int rows, int dimensions) => Bytes(rows, dimensions) <= int.MaxValue;

    /// <summary>
    /// The passages' row ids and their laid-out vectors in the file at <paramref name="path"/>, mapped, when it is whole and made
    /// for <paramref name="generation"/>, the vectors of <paramref name="digest"/>, <paramref name="rows"/> rows of
    /// <paramref name="dimensions"/>; else null.
    /// </summary>
    public static (Column<long> Ids, LaidOutRows Rows)? Read(string path, long generation, string digest, int rows, int dimensions) =>
        GenerationFiles.Read(path, HeaderBytes + 8, (mapped, length) => Decode(mapped, length, generation, digest, rows, dimensions)) is { } read
            ? (read.Ids, read.Rows)
            : null;

    /// <summary>Writes <paramref name="ids"/> and <paramref name="rows"/> to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, long generation, string digest, long[] ids, LaidOutRows rows)
    {
        var (n, d) = (rows.Scales.Length, rows.Common.Length);
        if (ids.Length != n || !Fits(n, d))
        {
            throw new ArgumentException($"{ids.Length} ids for {n} rows of {d} dimensions", nameof(ids));
        }

        GenerationFiles.Write(path, stream =>
        {
            var header = GenerationFiles.Header(HeaderBytes, Magic, generation, digest);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), n);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), d);
            var file = new GenerationFiles.PaddedWriter(stream);
            file.Put(header);
            file.Put(MemoryMarshal.AsBytes(ids.AsSpan()));
            file.Put(MemoryMarshal.AsBytes(rows.Common.AsSpan()));
            file.Put(MemoryMarshal.AsBytes(rows.Data.Span));
            file.Put(MemoryMarshal.AsBytes(rows.Scales.Span));
            file.Put(MemoryMarshal.AsBytes(rows.Sums.Span));
            file.Put(MemoryMarshal.AsBytes(rows.RowOf.Span));
            file.End();
        });
        GC.KeepAlive(rows);
    }

    private sealed record Mapped(Column<long> Ids, LaidOutRows Rows);

    private static unsafe Mapped? Decode(MappedView mapped, int length, long generation, string digest, int rows, int dimensions)
    {
        var bytes = new ReadOnlySpan<byte>(mapped.Pointer, length);
        var header = bytes[..HeaderBytes];
        var (n, d) = (BinaryPrimitives.ReadInt32LittleEndian(header[24..]), BinaryPrimitives.ReadInt32LittleEndian(header[28..]));
        if (!GenerationFiles.Stamped(header, Magic, generation, digest) || n != rows || d != dimensions || n < 0 || d is <= 0 or > 4096
            || bytes.Length != Bytes(n, d))
        {
            return null;
        }

        if (!GenerationFiles.Summed(bytes))
        {
            return null;
        }

        var at = HeaderBytes;
        var ids = GenerationFiles.Next<long>(mapped, ref at, n);
        var common = GenerationFiles.Next<float>(mapped, ref at, d).Span.ToArray();
        var data = GenerationFiles.Next<sbyte>(mapped, ref at, n * d);
        var scales = GenerationFiles.Next<float>(mapped, ref at, n);
        var sums = GenerationFiles.Next<int>(mapped, ref at, n);
        var rowOf = GenerationFiles.Next<int>(mapped, ref at, n);
        foreach (var row in rowOf.Span)
        {
            if ((uint)row >= (uint)n)
            {
                return null; // a file is never trusted further
            }
        }

        return new Mapped(ids, new LaidOutRows(data, scales, sums, rowOf, common));
    }

    /// <summary>The file's length for <paramref name="n"/> rows of <paramref name="d"/> dimensions.</summary>
    private static long Bytes(long n, long d) =>
        HeaderBytes + GenerationFiles.Padded(8 * n) + GenerationFiles.Padded(4 * d) + GenerationFiles.Padded(n * d) + (3 * GenerationFiles.Padded(4 * n)) + 8;
}
