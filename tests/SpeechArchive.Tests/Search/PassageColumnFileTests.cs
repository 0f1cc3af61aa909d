using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Storage;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A snapshot reads its passages' columns from a file of its generation beside the index, made from the passage rows at the
/// first load; a file cut short, altered or of another index is made again, and where none can be written the rows serve.
/// </summary>
public sealed class PassageColumnFileTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenLoadedAgain_ShouldReadTheColumnsFromTheFileAndAnswerAsFromTheRows()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));

        var fromRows = IndexSnapshot.Load(index);
        var fromFile = IndexSnapshot.Load(index);

        Assert.False(fromRows.ColumnsFromFile);
        Assert.True(fromFile.ColumnsFromFile);
        Assert.False(fromRows.Passages.Speech.Mapped);
        Assert.True(fromFile.Passages.Speech.Mapped && fromFile.Passages.SentenceArena.Mapped && fromFile.PassageLength.Mapped);
        Assert.Single(ColumnFiles(index));
        AssertEachPassageReadsAsItsRow(index, fromFile);
        Assert.Equal(Describe(fromRows), Describe(fromFile));
        Assert.Equal(Answers(fromRows), Answers(fromFile));
    }

    [Fact]
    public void WhenANewGenerationLoads_ShouldMakeItsOwnFileAndDeleteTheOldOne()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        _ = IndexSnapshot.Load(index);
        var oldFile = Assert.Single(ColumnFiles(index));
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        Build(corpus, index);

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.ColumnsFromFile);
        var file = Assert.Single(ColumnFiles(index));
        Assert.NotEqual(oldFile, file);
        Assert.True(IndexSnapshot.Load(index).ColumnsFromFile);
        AssertEachPassageReadsAsItsRow(index, IndexSnapshot.Load(index));
    }

    [SkippableFact]
    public void WhenASnapshotReadFromTheFileIsNoLongerReachable_ShouldCloseTheMap()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads the process's maps from /proc/self/maps");
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));
        _ = IndexSnapshot.Load(index); // writes the file
        var file = Assert.Single(ColumnFiles(index));
        LoadAndForget(index, file);

        // A map closes in a finalizer: a few rounds give a busy machine's finalizer thread its turn (the map that stays open fails).
        var maps = "";
        for (var round = 0; round < 10; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            maps = File.ReadAllText("/proc/self/maps");
            if (!maps.Contains(file, StringComparison.Ordinal))
            {
                break;
            }

            Thread.Sleep(50);
        }

        Assert.DoesNotContain(file, maps, StringComparison.Ordinal);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void LoadAndForget(string index, string file)
    {
        var snapshot = IndexSnapshot.Load(index);
        Assert.True(snapshot.ColumnsFromFile);
        Assert.Contains(file, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
        Assert.NotEmpty(new Searcher(snapshot).Search(new SearchRequest { Query = "作风" }).Hits);
        _ = snapshot.Meaning; // the background read of the meaning is done: nothing of the load still runs
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("a byte altered")]
    [InlineData("another index's")]
    public void WhenTheFileIsNotThisGenerations_ShouldMakeTheColumnsFromTheRowsAndTheFileAgain(string damage)
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        var expected = Describe(IndexSnapshot.Load(index));
        var file = Assert.Single(ColumnFiles(index));
        var whole = File.ReadAllBytes(file);
        switch (damage)
        {
            case "cut short":
                File.WriteAllBytes(file, whole[..^9]);
                break;
            case "a byte altered":
                var altered = whole.ToArray();
                altered[whole.Length / 2] ^= 0x10;
                File.WriteAllBytes(file, altered);
                break;
            default:
                // The same generation of an index of other speeches (one file fewer): whole, but not for these rows.
                var otherCorpus = temp.CopyFixtureCorpus("other-corpus");
                File.Delete(Directory.GetFiles(otherCorpus, "*.txt")[0]);
                var other = Build(otherCorpus, temp.Combine("other-index"));
                _ = IndexSnapshot.Load(other);
                File.Copy(Assert.Single(ColumnFiles(other)), file, overwrite: true);
                Assert.NotEqual(whole, File.ReadAllBytes(file));
                break;
        }

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.ColumnsFromFile);
        Assert.Equal(expected, Describe(snapshot));
        Assert.Equal(whole, File.ReadAllBytes(file));
        Assert.True(IndexSnapshot.Load(index).ColumnsFromFile);
    }

    [SkippableFact]
    public void InAReadOnlyFolderWithoutTheFile_ShouldMakeTheColumnsFromTheRows()
    {
        var corpus = temp.CopyFixtureCorpus();
        var expected = Answers(IndexSnapshot.Load(Build(corpus, temp.Combine("writable"))));
        using var disk = SmallDisk.Mount(temp.Path, 8 * 1024);
        var index = Build(corpus, Path.Combine(disk.Path, "index"));
        Assert.Empty(ColumnFiles(index)); // indexing does not write it: the first load does
        disk.ReadOnly();

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.ColumnsFromFile);
        Assert.Empty(ColumnFiles(index));
        Assert.Empty(Directory.GetFiles(index, "segment-postings-*"));
        Assert.True(snapshot.PostingsMapped); // from a file of their own in the temp folder
        AssertEachPassageReadsAsItsRow(index, snapshot);
        Assert.Equal(expected, Answers(snapshot));
        disk.ReadOnly(false);
    }

    public void Dispose() => temp.Dispose();


    private static string Build(string corpus, string index) => SnapshotAnswers.Build(corpus, index);

    private static List<string> Answers(IndexSnapshot snapshot) => SnapshotAnswers.Of(snapshot, "作风", "巡察整改", "全面从严治党", "如何加强党风廉政建设");

    private static string[] ColumnFiles(string index) => Directory.GetFiles(index, "passage-columns-*.bin");

    private static void AssertEachPassageReadsAsItsRow(string index, IndexSnapshot snapshot) =>
        PassageColumnsTests.AssertEachPassageReadsAsItsRow(index, snapshot);

    /// <summary>Every passage as the snapshot reads it, with the per-passage arrays the query path reads.</summary>
    private static List<string> Describe(IndexSnapshot s) =>
        [.. s.Passages.Select((p, d) => string.Join('|', p.Id, p.Start, p.End, p.SectionPath, p.PointLabel, string.Join(',', p.Themes), string.Join(',', p.DirectiveTypes),
            string.Join(';', p.Sentences), s.PassageLength[d], s.PassageYear[d], s.PassageDate[d], s.PassageThemes[d], s.PassageTypes[d], s.PassageOrg[d]))];

}
