using System.Globalization;
using System.Security.Cryptography;
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

    public int Count => offsets.Length - 1;

    /// <summary>The text of speech <paramref name="speech"/> (by position in row-id order), straight from the map.</summary>
    public ReadOnlySpan<char> Text(int speech)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new ReadOnlySpan<char>(chars + offsets[speech], (int)(offsets[speech + 1] - offsets[speech]));
    }

    /// <summary>The file name for <paramref name="generation"/> with <paramref name="speeches"/> (row id, content hash, when indexed).</summary>
    public static string NameFor(long generation, IEnumerable<StoredSpeech> speeches)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in speeches)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{s.RowId}\t{s.ContentHash}\t{s.IndexedAt}\n")));
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{generation}-{digest}{Extension}");
    }

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
    public static void Write(string path, IReadOnlyList<string> texts)
    {
        var temporary = string.Create(CultureInfo.InvariantCulture, $"{path}.{Guid.NewGuid():N}.tmp"); // two loads may write at once
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.Unicode))
            {
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

                writer.Flush();
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
    /// Deletes the text files in <paramref name="directory"/> of generations before <paramref name="generation"/> or of
    /// the same one but other rows than <paramref name="keep"/>'s (a rebuilt index), and temporary files left an hour ago.
    /// A later generation's file is kept while it is recent (its load may be under way); one written an hour ago or more is
    /// an earlier database's (a damaged index set aside, or a deleted one, starts its generations again). A map still open
    /// on a deleted file stays readable.
    /// </summary>
    public static void DeleteOthers(string directory, long generation, string keep)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, Prefix + "*"))
        {
            var name = System.IO.Path.GetFileName(file);
            var dash = name.IndexOf('-', Prefix.Length);
            var stale = name.EndsWith(Extension, StringComparison.Ordinal)
                ? !string.Equals(name, keep, StringComparison.Ordinal)
                    && (dash < 0 || !long.TryParse(name.AsSpan(Prefix.Length, dash - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var other)
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
