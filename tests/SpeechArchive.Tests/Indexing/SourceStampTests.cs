using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;

namespace SpeechArchive.Tests.Indexing;

/// <summary>
/// A file whose size, modification time and metadata row are those of the last run is not read again; any difference in
/// them sends the file back to the content hash, which decides.
/// </summary>
public sealed class SourceStampTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    private readonly TempFolder temp = new();
    private readonly string corpus;
    private readonly string indexDir;

    public SourceStampTests()
    {
        corpus = temp.CopyFixtureCorpus();
        indexDir = temp.Combine("index");
        foreach (var file in Directory.GetFiles(corpus))
        {
            File.SetLastWriteTimeUtc(file, LongAgo); // old enough to be trusted
        }
    }

    private IndexRunResult Run() => Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = indexDir });

    private int Hits(string q) => new Searcher(IndexSnapshot.Load(indexDir)).Search(new SearchRequest { Query = q }).Total;

    [Fact]
    public void WhenSizeAndTimeAreUnchanged_ShouldNotReadTheFileAgain()
    {
        Run();
        var file = Path.Combine(corpus, "2022-xuanchuan.txt");
        // Same length in UTF-8 (one Han character for another), same time: only reading the file could reveal the edit.
        File.WriteAllText(file, File.ReadAllText(file).Replace("讲好故事", "讲好典故", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, LongAgo);

        var result = Run();

        Assert.Equal(0, result.Updated);
        Assert.Equal(0, result.Characters);
        Assert.False(result.Committed);
        Assert.Equal(0, Hits("讲好典故"));
    }

    [Fact]
    public void WhenOnlyTheTimeChanges_ShouldHashTheFileAndKeepItUnchanged()
    {
        Run();
        var file = Path.Combine(corpus, "2022-xuanchuan.txt");
        File.SetLastWriteTimeUtc(file, LongAgo.AddHours(1));

        var result = Run();

        Assert.Equal(0, result.Updated);
        Assert.False(result.Committed);
        Assert.True(result.Characters > 0);
    }

    [Fact]
    public void WhenTheContentChangesWithTheTime_ShouldReparseTheFile()
    {
        Run();
        var file = Path.Combine(corpus, "2022-xuanchuan.txt");
        File.WriteAllText(file, File.ReadAllText(file).Replace("讲好故事", "讲好典故", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, LongAgo.AddSeconds(1));

        var result = Run();

        Assert.Equal(1, result.Updated);
        Assert.True(Hits("讲好典故") > 0);
    }

    [Fact]
    public void WhenTheMetadataRowChanges_ShouldReadTheFileAgain()
    {
        var manifest = Path.Combine(corpus, "MANIFEST.tsv");
        File.WriteAllText(manifest, "file\ttitle\n2022-xuanchuan.txt\t宣传思想工作会议讲话\n");
        Run();
        File.WriteAllText(manifest, "file\ttitle\n2022-xuanchuan.txt\t宣传思想工作会议上的讲话\n");

        var result = Run();

        Assert.Equal(1, result.Updated);
        Assert.Equal("宣传思想工作会议上的讲话", IndexSnapshot.Load(indexDir).Speeches.Single(s => s.FileKey == "2022-xuanchuan.txt").Title);
    }

    [Fact]
    public void WhenAFileWasWrittenWithinAGranuleOfTheRun_ShouldNotTrustItsStampNextTime()
    {
        var file = Path.Combine(corpus, "2022-xuanchuan.txt");
        var text = File.ReadAllText(file);
        var written = DateTime.UtcNow.AddSeconds(30); // not older than the scan: it may change again within the same time
        File.SetLastWriteTimeUtc(file, written);
        Run();
        File.WriteAllText(file, text.Replace("讲好故事", "讲好典故", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, written);

        var result = Run();

        Assert.Equal(1, result.Updated);
    }

    [Fact]
    public void WhenARunCommits_ShouldRefreshTheStampsOfTouchedButUnchangedFiles()
    {
        Run();
        var touched = Path.Combine(corpus, "2020-xss-plain.txt");
        File.SetLastWriteTimeUtc(touched, LongAgo.AddDays(1));
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        File.SetLastWriteTimeUtc(Path.Combine(corpus, "new.txt"), LongAgo);
        Assert.True(Run().Committed);

        var again = Run();

        Assert.Equal(0, again.Characters); // the touched file's new stamp was stored: nothing read
        Assert.False(again.Committed);
    }

    [Fact]
    public void WhenTheIndexIsOfSchemaVersion2_ShouldMigrateItAndStoreStampsWithTheNextCommit()
    {
        Run();
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={IndexStore.DatabasePathIn(indexDir)};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            // What version 2 was: no stamps.
            command.CommandText = "ALTER TABLE speeches DROP COLUMN source_stamp; ALTER TABLE passages DROP COLUMN match_length; UPDATE meta SET value = '2' WHERE key = 'schema_version';";
            command.ExecuteNonQuery();
        }

        using (var store = IndexStore.Open(indexDir, create: false))
        {
            Assert.Equal(Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), store.GetMeta(MetaKey.SchemaVersion));
        }

        var migrated = IndexSnapshot.Load(indexDir); // no match lengths stored: computed while loading
        Assert.True(new Searcher(migrated).Search(new SearchRequest { Query = "作风" }).Total > 0);
        var hashed = Run(); // no stamps yet: every file is read and hashed, and found unchanged
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        File.SetLastWriteTimeUtc(Path.Combine(corpus, "new.txt"), LongAgo);
        var committing = Run();
        var after = Run();

        Assert.True(hashed.Characters > 0);
        Assert.Equal(0, hashed.Added + hashed.Updated);
        Assert.False(hashed.Committed);
        Assert.Equal(1, committing.Added);
        Assert.Equal(0, after.Characters);
    }

    public void Dispose() => temp.Dispose();
}
