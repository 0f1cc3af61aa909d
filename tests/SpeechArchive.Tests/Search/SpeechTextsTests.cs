using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Storage;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A snapshot reads the speeches' texts through a memory map of a file beside the index, made for its generation at the
/// first load and deleted when a later generation's is made; a read-only folder without one keeps the texts on the heap.
/// </summary>
public sealed class SpeechTextsTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenLoaded_ShouldReadEveryTextFromTheGenerationsMappedFile()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));

        var snapshot = IndexSnapshot.Load(index);

        var file = Assert.Single(TextFiles(index));
        Assert.All(snapshot.Speeches, s => Assert.Equal(file, s.Texts.MappedPath));
        Assert.Equal(StoredTexts(index), snapshot.Speeches.Select(s => s.Text));
        Assert.Equal(snapshot.Speeches.Select(s => s.Text.Length), snapshot.Speeches.Select(s => s.TextLength));
        Assert.Equal(file, IndexSnapshot.Load(index).Speeches[0].Texts.MappedPath); // a second load maps the same file
    }

    [Fact]
    public void WhenANewGenerationLoads_ShouldMakeItsOwnFileAndDeleteTheOldOne()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        var old = IndexSnapshot.Load(index);
        var oldFile = Assert.Single(TextFiles(index));
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        Build(corpus, index);

        var snapshot = IndexSnapshot.Load(index);

        var file = Assert.Single(TextFiles(index));
        Assert.NotEqual(oldFile, file);
        Assert.Contains(snapshot.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal(StoredTexts(index), snapshot.Speeches.Select(s => s.Text));
        Assert.Equal(StoredTexts(index).Take(old.Speeches.Count), old.Speeches.Select(s => s.Text)); // the old map stays readable
    }

    [Fact]
    public void WhenTheFileIsCutShort_ShouldMakeItAgain()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));
        _ = IndexSnapshot.Load(index);
        var file = Assert.Single(TextFiles(index));
        var whole = new FileInfo(file).Length;
        File.WriteAllBytes(file + ".cut", File.ReadAllBytes(file)[..^2]); // the first snapshot's map holds the file open
        File.Move(file + ".cut", file, overwrite: true);
        Assert.Equal(whole - 2, new FileInfo(file).Length);

        var snapshot = IndexSnapshot.Load(index);

        Assert.Equal(whole, new FileInfo(file).Length);
        Assert.Equal(StoredTexts(index), snapshot.Speeches.Select(s => s.Text));
    }

    [SkippableFact]
    public void WhenAReplacedSnapshotIsNoLongerReachable_ShouldCloseTheMapOfItsDeletedFile()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads the process's maps from /proc/self/maps");
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        var oldFile = LoadAndForget(index);
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        Build(corpus, index);
        var snapshot = IndexSnapshot.Load(index); // deletes the old generation's file
        Assert.False(File.Exists(oldFile));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        IndexSnapshot.ReleaseUnreachable();

        Assert.DoesNotContain(oldFile, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
        Assert.Contains(snapshot.Speeches[0].Texts.MappedPath!, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
    }

    /// <summary>Loads a snapshot and lets go of it; returns the text file it mapped.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string LoadAndForget(string index)
    {
        var snapshot = IndexSnapshot.Load(index);
        Assert.Contains(snapshot.Speeches[0].Texts.MappedPath!, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
        return snapshot.Speeches[0].Texts.MappedPath!;
    }

    [SkippableFact]
    public void InAReadOnlyFolderWithoutTheFile_ShouldHoldTheTextsOnTheHeap()
    {
        var corpus = temp.CopyFixtureCorpus();
        var expected = Answers(IndexSnapshot.Load(Build(corpus, temp.Combine("writable"))));
        using var disk = SmallDisk.Mount(temp.Path, 8 * 1024);
        var index = Build(corpus, Path.Combine(disk.Path, "index"));
        Assert.Empty(TextFiles(index)); // indexing does not write it: the first load does
        disk.ReadOnly();

        var snapshot = IndexSnapshot.Load(index);

        Assert.Empty(TextFiles(index));
        Assert.All(snapshot.Speeches, s => Assert.Null(s.Texts.MappedPath));
        Assert.Equal(StoredTexts(index), snapshot.Speeches.Select(s => s.Text));
        Assert.Equal(expected, Answers(snapshot));
        disk.ReadOnly(false);
    }

    public void Dispose() => temp.Dispose();


    private static string Build(string corpus, string index) => SnapshotAnswers.Build(corpus, index);

    private static string[] TextFiles(string index) => Directory.GetFiles(index, "speech-text-*");

    private static List<string> StoredTexts(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        return store.ReadTextsById().ConvertAll(t => t.Text);
    }

    private static List<string> Answers(IndexSnapshot snapshot) => SnapshotAnswers.Of(snapshot, "作风", "巡察整改", "全面从严治党");
}
