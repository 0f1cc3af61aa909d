using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SpeechArchive.Storage;

/// <summary>
/// The reprint groups of one index generation (the passages printing one text, and the twin speeches: <c>Search/Reprints</c>)
/// in a file beside the database, written when a snapshot first makes them, so that a later process reads them instead of
/// comparing every passage's text again (the CLI's <c>concordance</c> made them on every run: 150–330 ms). Both halves of
/// the format live here: a 64-byte header (<c>SAREPR01</c>, the generation, the digest of the speech rows, the passages,
/// speeches, grouped passages and groups it was made for), each group's passages one group after another (int32), where
/// each group starts (int32, groups + 1), each speech's first twin or −1 (int32), each padded to 8 bytes, then a checksum of
/// all before it. A file of another generation or other rows, cut short, altered, or with a reference out of range or out of
/// order is not used.
/// </summary>
internal static class ReprintFile
{
    private const string Prefix = "reprints-";
    private const string Extension = ".bin";
    private const int HeaderBytes = 64;
    /// <summary>
    /// The format and the rules it was made by: change the last two digits whenever <c>Reprints.Build</c> groups passages or
    /// twins otherwise, so a new engine over the same index does not serve the old groups.
    /// </summary>
    private static ReadOnlySpan<byte> Magic => "SAREPR01"u8;

    /// <summary>What the file holds: the groups' passages, where each group starts, and each speech's first twin.</summary>
    public sealed record Groups(int[] Members, int[] Starts, int[] TwinsOf);

    /// <summary>The file name for <paramref name="generation"/> with the speech rows of <paramref name="digest"/> (16 hex digits).</summary>
    public static string NameFor(long generation, string digest) => GenerationFiles.Name(Prefix, generation, digest, Extension);

    /// <summary>Deletes the other generations' reprint files in <paramref name="directory"/> (<see cref="GenerationFiles.DeleteOthers"/>).</summary>
    public static void DeleteOthers(string directory, long generation, string keep) =>
        GenerationFiles.DeleteOthers(directory, Prefix, Extension, generation, keep);

    /// <summary>
    /// The groups in the file at <paramref name="path"/> when it is whole and made for <paramref name="generation"/>, the rows
    /// of <paramref name="digest"/>, <paramref name="passages"/> passages and <paramref name="speeches"/> speeches; else null.
    /// </summary>
    public static unsafe Groups? Read(string path, long generation, string digest, int passages, int speeches)
    {
        if (GenerationFiles.Map(path, HeaderBytes + 8) is not var (mapped, length))
        {
            return null;
        }

        using (mapped)
        {
            var bytes = new ReadOnlySpan<byte>(mapped.Pointer, length);
            var header = bytes[..HeaderBytes];
            var (n, m, k, g) = (Int(header, 24), Int(header, 28), Int(header, 32), Int(header, 36));
            if (!GenerationFiles.Stamped(header, Magic, generation, digest) || n != passages || m != speeches || k < 0 || k > n || g < 0 || g > k
                || bytes.Length != Bytes(k, g, m))
            {
                return null;
            }

            if (!GenerationFiles.Summed(bytes))
            {
                return null;
            }

            var at = HeaderBytes;
            var members = GenerationFiles.Next<int>(mapped, ref at, k).Span.ToArray(); // copied: the map closes here
            var starts = GenerationFiles.Next<int>(mapped, ref at, g + 1).Span.ToArray();
            var twinsOf = GenerationFiles.Next<int>(mapped, ref at, m).Span.ToArray();
            return Sound(members, starts, twinsOf, n, m) ? new Groups(members, starts, twinsOf) : null; // a file is never trusted further
        }
    }

    /// <summary>Writes <paramref name="groups"/>, made for <paramref name="passages"/> passages, to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, long generation, string digest, int passages, Groups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        GenerationFiles.Write(path, stream =>
        {
            var header = GenerationFiles.Header(HeaderBytes, Magic, generation, digest);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), passages);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), groups.TwinsOf.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(32), groups.Members.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(36), groups.Starts.Length - 1);
            var file = new GenerationFiles.PaddedWriter(stream);
            file.Put(header);
            file.Put(MemoryMarshal.AsBytes(groups.Members.AsSpan()));
            file.Put(MemoryMarshal.AsBytes(groups.Starts.AsSpan()));
            file.Put(MemoryMarshal.AsBytes(groups.TwinsOf.AsSpan()));
            file.End();
        });
    }

    /// <summary>Every group starts after the one before it with two passages or more, in ascending order, each in one group only, and every twin is a speech.</summary>
    private static bool Sound(int[] members, int[] starts, int[] twinsOf, int passages, int speeches)
    {
        if (starts[0] != 0 || starts[^1] != members.Length)
        {
            return false;
        }

        var seen = new bool[passages];
        for (var group = 0; group + 1 < starts.Length; group++)
        {
            if (starts[group + 1] - starts[group] < 2)
            {
                return false;
            }

            for (var i = starts[group]; i < starts[group + 1]; i++)
            {
                if ((uint)members[i] >= (uint)passages || seen[members[i]] || (i > starts[group] && members[i] <= members[i - 1]))
                {
                    return false;
                }

                seen[members[i]] = true;
            }
        }

        return twinsOf.All(t => t >= -1 && t < speeches);
    }

    private static int Int(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);

    /// <summary>The file's length for <paramref name="k"/> grouped passages in <paramref name="g"/> groups and <paramref name="m"/> speeches.</summary>
    private static long Bytes(long k, long g, long m) =>
        HeaderBytes + GenerationFiles.Padded(4 * k) + GenerationFiles.Padded(4 * (g + 1)) + GenerationFiles.Padded(4 * m) + 8;
}
