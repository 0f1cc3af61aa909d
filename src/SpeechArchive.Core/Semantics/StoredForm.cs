using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SpeechArchive.Semantics;

/// <summary>
/// The frame of the meaning's stored tables (<see cref="PassageVectorTable"/>, <see cref="VectorCells"/>): a magic number and
/// a format version, then fixed-size fields and arrays as the machine lays them out (little-endian).
/// </summary>
internal static class StoredForm
{
    /// <summary>The magic number and the version, then what <paramref name="body"/> writes (about <paramref name="capacity"/> bytes).</summary>
    public static byte[] Write(uint magic, int version, long capacity, Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream((int)Math.Min(Array.MaxLength, capacity + 8));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(version);
            body(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Writes the elements of <paramref name="values"/> as they lie in memory.</summary>
    public static void WriteArray<T>(this BinaryWriter writer, T[] values)
        where T : unmanaged => writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>Whether <paramref name="bytes"/> hold <paramref name="header"/> bytes or more and begin with the magic number and the version.</summary>
    public static bool Begins(ReadOnlySpan<byte> bytes, uint magic, int version, int header) =>
        bytes.Length >= header && BitConverter.ToUInt32(bytes) == magic && BitConverter.ToInt32(bytes[4..]) == version;

    /// <summary>The next <paramref name="count"/> elements of <paramref name="stream"/>, read straight into their array.</summary>
    public static T[] ReadArray<T>(Stream stream, int count)
        where T : unmanaged
    {
        var values = new T[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>The <paramref name="count"/> elements from byte <paramref name="at"/> on, which moves past them.</summary>
    public static T[] ReadArray<T>(ReadOnlySpan<byte> bytes, ref int at, int count)
        where T : unmanaged
    {
        var length = count * Unsafe.SizeOf<T>();
        var values = MemoryMarshal.Cast<byte, T>(bytes.Slice(at, length)).ToArray();
        at += length;
        return values;
    }
}
