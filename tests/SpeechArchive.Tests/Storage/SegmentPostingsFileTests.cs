using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Storage;

/// <summary>
/// Where a snapshot's postings are mapped from: the generation's postings file beside the index, made at its first load and
/// made again when it is not whole; when a folder cannot take them, the next folder, else memory.
/// </summary>
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

    [Fact]
    public void WhenASnapshotLoads_ShouldMapThePostingsFromTheGenerationsFileBesideTheIndex()
    {
        var index = BuildIndex();
        var (_, expected) = ReadAll([temp.Path]);

        var first = IndexSnapshot.Load(index);
        var file = Assert.Single(PostingsFiles(index));
        var second = IndexSnapshot.Load(index);

        Assert.True(first.PostingsMapped && second.PostingsMapped);
        Assert.Equal(file, Assert.Single(PostingsFiles(index)));
        Assert.Equal(Answers(first), Answers(second));
        using var store = IndexStore.Open(index, create: false);
        store.BeginRead();
        var postings = SegmentPostingsFile.ReadForGeneration(store, store.Generation);
        Assert.Equal(ReadAll([temp.Path], index).Bytes, Enumerable.Range(0, postings.Segments.Count).SelectMany(i => postings.Postings(i).ToArray()));
        Assert.NotEmpty(expected);
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("another generation's")]
    public void WhenTheGenerationsFileIsNotWhole_ShouldWriteItAgain(string damage)
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = BuildIndex(corpus);
        var expected = Answers(IndexSnapshot.Load(index));
        var file = Assert.Single(PostingsFiles(index));
        var whole = File.ReadAllBytes(file);
        var damaged = whole.ToArray();
        if (damage == "cut short")
        {
            damaged = damaged[..^1];
        }
        else
        {
            damaged[8] ^= 1; // the generation in its header
        }

        File.WriteAllBytes(file, damaged);

        var snapshot = IndexSnapshot.Load(index);

        Assert.Equal(expected, Answers(snapshot));
        Assert.Equal(whole, File.ReadAllBytes(file));
    }

    public void Dispose() => temp.Dispose();

    private string BuildIndex(string? corpus = null) => Search.SnapshotAnswers.Build(corpus ?? temp.CopyFixtureCorpus(), temp.Combine("index"));

    private static string[] PostingsFiles(string index) => Directory.GetFiles(index, "segment-postings-*.bin");

    private static List<string> Answers(IndexSnapshot snapshot) => Search.SnapshotAnswers.Of(snapshot, "作风", "巡察整改", "全面从严治党", "依法");

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

    private (bool Mapped, byte[] Bytes) ReadAll(IReadOnlyList<string> folders, string? index = null)
    {
        using var store = IndexStore.Open(index ?? fixture.IndexDirectory, create: false);
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
