using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SpeechArchive.Storage;

/// <summary>
/// The passages' columns of one index generation (<see cref="PassageColumnData"/>) in a file beside the database, written at
/// the first load of the generation so that later loads read a few arrays instead of every passage row. Both halves of the
/// format live here: a 64-byte header (<c>SAPCOL01</c>, the generation, the speech rows' digest, the counts), the columns
/// one after the other (row ids as int64, the int32 columns, the sentence starts, the sentence arena, each padded to 8
/// bytes), the label sets and point labels (UTF-8, each after its int32 byte length, -1 for none), then a checksum of all
/// before it. A file of another generation or other rows, cut short, altered or out of range is not used. The columns read
/// are mapped, not copied (<see cref="Column{T}"/>): the page cache holds them, and the map stays open while they are reachable.
/// </summary>
internal static class PassageColumnFile
{
    private const string Prefix = "passage-columns-";
    private const string Extension = ".bin";
    private const int HeaderBytes = 64;
    private static ReadOnlySpan<byte> Magic => "SAPCOL01"u8;

    /// <summary>The file name for <paramref name="generation"/> with the speech rows of <paramref name="digest"/> (<see cref="GenerationFiles.Digest"/>).</summary>
    public static string NameFor(long generation, string digest) => GenerationFiles.Name(Prefix, generation, digest, Extension);

    /// <summary>Whether <paramref name="directory"/> holds a columns file of <paramref name="generation"/> (of any rows: <see cref="Read"/> decides).</summary>
    public static bool AnyFor(string directory, long generation) =>
        Directory.EnumerateFiles(directory, GenerationFiles.Name(Prefix, generation, "*", Extension)).Any();

    /// <summary>Deletes the other generations' columns files in <paramref name="directory"/> (<see cref="GenerationFiles.DeleteOthers"/>).</summary>
    public static void DeleteOthers(string directory, long generation, string keep) =>
        GenerationFiles.DeleteOthers(directory, Prefix, Extension, generation, keep);

    /// <summary>
    /// The columns in the file at <paramref name="path"/> when it is whole and made for <paramref name="generation"/>, the speech
    /// rows of <paramref name="digest"/>, <paramref name="speeches"/> speeches and <paramref name="sections"/> sections; else null.
    /// </summary>
    public static PassageColumnData? Read(string path, long generation, string digest, int speeches, int sections) =>
        GenerationFiles.Read(path, HeaderBytes + 8, (mapped, length) => Decode(mapped, length, generation, digest, speeches, sections));

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, long generation, string digest, int speeches, int sections, PassageColumnData data) =>
        GenerationFiles.Write(path, stream =>
        {
            var strings = Strings(data);
            var header = GenerationFiles.Header(HeaderBytes, Magic, generation, digest);
            var counts = header.AsSpan(24);
            BinaryPrimitives.WriteInt32LittleEndian(counts, data.Count);
            BinaryPrimitives.WriteInt32LittleEndian(counts[4..], speeches);
            BinaryPrimitives.WriteInt32LittleEndian(counts[8..], sections);
            BinaryPrimitives.WriteInt32LittleEndian(counts[12..], data.LabelSets.Length);
            BinaryPrimitives.WriteInt32LittleEndian(counts[16..], data.PointLabels.Length);
            BinaryPrimitives.WriteInt32LittleEndian(counts[20..], data.SentenceArena.Length);
            BinaryPrimitives.WriteInt64LittleEndian(counts[24..], strings.Length);
            var file = new GenerationFiles.PaddedWriter(stream);
            file.Put(header);
            file.Put(MemoryMarshal.AsBytes(data.RowIds.Span));
            foreach (var column in IntColumns(data))
            {
                file.Put(MemoryMarshal.AsBytes(column.Span));
            }

            file.Put(MemoryMarshal.AsBytes(data.SentenceStarts.Span));
            file.Put(data.SentenceArena.Span);
            file.Put(strings);
            file.End();
        });

    private static unsafe PassageColumnData? Decode(MappedView mapped, int length, long generation, string digest, int speeches, int sections)
    {
        var bytes = new ReadOnlySpan<byte>(mapped.Pointer, length);
        if (!BitConverter.IsLittleEndian)
        {
            return null;
        }

        var header = bytes[..HeaderBytes];
        var counts = header[24..];
        var (n, labelSets, points, arena, strings) = (BinaryPrimitives.ReadInt32LittleEndian(counts), BinaryPrimitives.ReadInt32LittleEndian(counts[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(counts[16..]), BinaryPrimitives.ReadInt32LittleEndian(counts[20..]), BinaryPrimitives.ReadInt64LittleEndian(counts[24..]));
        if (!GenerationFiles.Stamped(header, Magic, generation, digest)
            || BinaryPrimitives.ReadInt32LittleEndian(counts[4..]) != speeches || BinaryPrimitives.ReadInt32LittleEndian(counts[8..]) != sections
            || n < 0 || labelSets < 0 || points < 1 || arena < 0 || strings < 0
            || bytes.Length != HeaderBytes + Padded(8L * n) + (8 * Padded(4L * n)) + Padded(4L * (n + 1)) + Padded(arena) + Padded(strings) + 8)
        {
            return null;
        }

        if (!GenerationFiles.Summed(bytes))
        {
            return null;
        }

        var at = HeaderBytes;
        var rowIds = GenerationFiles.Next<long>(mapped, ref at, n);
        var ints = new Column<int>[8];
        for (var i = 0; i < ints.Length; i++)
        {
            ints[i] = GenerationFiles.Next<int>(mapped, ref at, n);
        }

        var sentenceStarts = GenerationFiles.Next<int>(mapped, ref at, n + 1);
        var sentenceArena = GenerationFiles.Next<byte>(mapped, ref at, arena);
        var text = bytes.Slice(at, (int)strings);
        var sets = new (string, string)[labelSets];
        var pointLabels = new string?[points];
        for (var i = 0; i < labelSets; i++)
        {
            if (NextString(ref text) is not { } themes || NextString(ref text) is not { } types)
            {
                return null;
            }

            sets[i] = (themes, types);
        }

        for (var i = 0; i < points; i++)
        {
            pointLabels[i] = NextString(ref text);
        }

        var data = new PassageColumnData
        {
            RowIds = rowIds,
            Speech = ints[0],
            Ordinal = ints[1],
            Section = ints[2],
            Start = ints[3],
            End = ints[4],
            LabelSet = ints[5],
            Point = ints[6],
            Length = ints[7],
            SentenceStarts = sentenceStarts,
            SentenceArena = sentenceArena,
            LabelSets = sets,
            PointLabels = pointLabels,
        };
        return text.IsEmpty && InRange(data, speeches, sections) ? data : null;
    }

    /// <summary>Whether every reference of <paramref name="data"/> points inside what it refers to (a file is never trusted further).</summary>
    private static bool InRange(PassageColumnData data, int speeches, int sections)
    {
        if (data.PointLabels[0] is not null || data.SentenceStarts[0] != 0 || data.SentenceStarts[data.Count] != data.SentenceArena.Length)
        {
            return false;
        }

        // Over spans (the map stays open: data holds its columns until it is returned).
        ReadOnlySpan<int> speech = data.Speech.Span, section = data.Section.Span, labelSet = data.LabelSet.Span, point = data.Point.Span,
            start = data.Start.Span, end = data.End.Span, length = data.Length.Span, ordinal = data.Ordinal.Span, sentences = data.SentenceStarts.Span;
        var rowIds = data.RowIds.Span;
        for (var d = 0; d < rowIds.Length; d++)
        {
            if ((uint)speech[d] >= (uint)speeches || section[d] < -1 || section[d] >= sections
                || (uint)labelSet[d] >= (uint)data.LabelSets.Length || (uint)point[d] >= (uint)data.PointLabels.Length
                || start[d] < 0 || end[d] < start[d] || length[d] < 1 || ordinal[d] < 0
                || sentences[d + 1] < sentences[d] || rowIds[d] <= (d == 0 ? 0 : rowIds[d - 1]))
            {
                return false;
            }
        }

        data.RowIds.KeepAlive();
        return true;
    }

    private static Column<int>[] IntColumns(PassageColumnData data) =>
        [data.Speech, data.Ordinal, data.Section, data.Start, data.End, data.LabelSet, data.Point, data.Length];

    private static byte[] Strings(PassageColumnData data)
    {
        using var buffer = new MemoryStream();
        var length = new byte[4];
        void Put(string? s)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, s is null ? -1 : Encoding.UTF8.GetByteCount(s));
            buffer.Write(length);
            if (s is not null)
            {
                buffer.Write(Encoding.UTF8.GetBytes(s));
            }
        }

        foreach (var (themes, types) in data.LabelSets)
        {
            Put(themes);
            Put(types);
        }

        foreach (var point in data.PointLabels)
        {
            Put(point);
        }

        return buffer.ToArray();
    }

    private static string? NextString(ref ReadOnlySpan<byte> text)
    {
        if (text.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(text);
        text = text[4..];
        if (length < 0 || length > text.Length)
        {
            return null;
        }

        var s = Encoding.UTF8.GetString(text[..length]);
        text = text[length..];
        return s;
    }

    private static long Padded(long length) => GenerationFiles.Padded(length);
}
