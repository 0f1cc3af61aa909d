using System.Text;

namespace SpeechArchive.Storage;

/// <summary>
/// The speeches' plain texts of one index generation in a file beside the database, read through a memory map: the
/// pages are the file's (the OS page cache holds them and can drop them), not the process's heap. Both halves of the
/// format live here: <c>SATEXT01</c>, the number of speeches (int64), their offsets in UTF-16 units (count + 1 int64),
/// then the texts as UTF-16LE, in row-id order. The name carries the generation and a digest of the speech rows, so a
/// new generation (or a rebuilt index) never reads an older file.
/// </summary>
internal sealed unsafe class SpeechTextFile : IDisposable
{
    private const string Prefix = "speech-text-";
    private const string Extension = ".utf16";
    private static ReadOnlySpan<byte> Magic => "SATEXT01"u8;

    private readonly MappedView mapped;
    private readonly long[] offsets;
    private readonly char* chars;
    private bool disposed;

    private SpeechTextFile(string path, MappedView mapped, long[] offsets, char* chars)
    {
        Path = path;
        this.mapped = mapped;
        this.offsets = offsets;
        this.chars = chars;
    }

    public string Path { get; }

    /// <summary>The text of speech <paramref name="speech"/> (by position in row-id order), straight from the map.</summary>
    public ReadOnlySpan<char> Text(int speech)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new ReadOnlySpan<char>(chars + offsets[speech], (int)(offsets[speech + 1] - offsets[speech]));
    }

    /// <summary>The file name for <paramref name="generation"/> with the speech rows of <paramref name="digest"/>.</summary>
    public static string NameFor(long generation, string digest) => GenerationFiles.Name(Prefix, generation, digest, Extension);

    /// <summary>Maps the file at <paramref name="path"/> when it is whole and holds <paramref name="count"/> texts; else null.</summary>
    public static SpeechTextFile? Open(string path, int count)
    {
        var length = File.Exists(path) ? new FileInfo(path).Length : -1;
        var header = 16L + (8L * (count + 1));
        if (length < header)
        {
            return null;
        }

        var mapped = MappedView.Of(path);
        var pointer = mapped.Pointer;
        var offsets = new ReadOnlySpan<long>(pointer + 16, count + 1).ToArray();
        if (!new ReadOnlySpan<byte>(pointer, 8).SequenceEqual(Magic) || *(long*)(pointer + 8) != count || offsets[0] != 0
            || header + (2 * offsets[count]) != length || !IsAscending(offsets))
        {
            mapped.Dispose();
            return null;
        }

        return new SpeechTextFile(path, mapped, offsets, (char*)(pointer + header));
    }

    /// <summary>Writes <paramref name="texts"/> to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, IReadOnlyList<string> texts) =>
        GenerationFiles.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.Unicode, leaveOpen: true);
            writer.Write(Magic);
            writer.Write((long)texts.Count);
            long at = 0;
            writer.Write(at);
            foreach (var text in texts)
            {
                at += text.Length;
                writer.Write(at);
            }

            foreach (var text in texts)
            {
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
            }
        });

    /// <summary>Deletes the other generations' text files in <paramref name="directory"/> (<see cref="GenerationFiles.DeleteOthers"/>).</summary>
    public static void DeleteOthers(string directory, long generation, string keep) =>
        GenerationFiles.DeleteOthers(directory, Prefix, Extension, generation, keep);

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            mapped.Dispose();
        }
    }

    private static bool IsAscending(long[] offsets)
    {
        for (var i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
