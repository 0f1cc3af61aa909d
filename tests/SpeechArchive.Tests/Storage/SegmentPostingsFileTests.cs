using SpeechArchive.Storage;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Storage;

/// <summary>Where a snapshot's postings are mapped from when a folder cannot take them: the next folder, else memory.</summary>
public sealed class SegmentPostingsFileTests(IndexFixture fixture) : IClassFixture<IndexFixture>, IDisposable
{
    private readonly TempFolder temp = new();

    [SkippableFact]
    public void WhenTheFirstFolderFillsUpWhileTheyAreWritten_ShouldMapThemFromTheNext()
    {
        var (_, expected) = ReadAll([temp.Path]);
        using var disk = SmallDisk.Mount(temp.Path, 64);
        Fill(disk.Path);
        var spare = temp.Combine("spare");
        Directory.CreateDirectory(spare);

        var (mapped, bytes) = ReadAll([disk.Path, spare]);

        Assert.True(mapped);
        Assert.Equal(expected, bytes);
        Assert.Equal(["filler"], Directory.GetFiles(disk.Path).Select(Path.GetFileName)); // the half-written file is not left behind
    }

    [SkippableFact]
    public void WhenNoFolderTakesThem_ShouldHoldThemInMemory()
    {
        var (_, expected) = ReadAll([temp.Path]);
        using var disk = SmallDisk.Mount(temp.Path, 64);
        Fill(disk.Path);

        var (mapped, bytes) = ReadAll([disk.Path]);

        Assert.False(mapped);
        Assert.Equal(expected, bytes);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>Writes a file into <paramref name="folder"/> until its disk is full.</summary>
    private static void Fill(string folder)
    {
        using var filler = new FileStream(Path.Combine(folder, "filler"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    private (bool Mapped, byte[] Bytes) ReadAll(IReadOnlyList<string> folders)
    {
        using var store = IndexStore.Open(fixture.IndexDirectory, create: false);
        store.BeginRead();
        var postings = SegmentPostingsFile.Read(store, folders);
        var bytes = new List<byte>();
        for (var i = 0; i < postings.Segments.Count; i++)
        {
            bytes.AddRange(postings.Postings(i).ToArray());
        }

        return (postings.Mapped, [.. bytes]);
    }
}
