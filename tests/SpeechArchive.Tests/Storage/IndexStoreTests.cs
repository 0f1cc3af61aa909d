using System.Globalization;
using SpeechArchive.Documents;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Structure;

namespace SpeechArchive.Tests.Storage;

/// <summary>The index database: what is written reads back the same, the library is current, and failures name the file.</summary>
public sealed class IndexStoreTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static StoredSpeech Speech(string key) => new(
        RowId: 0,
        FileKey: key,
        PublicId: "id-" + key,
        ContentHash: "hash",
        LabelsFingerprint: "fp",
        Metadata: new SpeechMetadata
        {
            Title = "在全面从严治党工作会议上的讲话",
            Date = new DateOnly(2021, 3, 4),
            Year = 2021,
            Speaker = "某某",
            Organization = "市纪委",
            Meeting = "全会",
            Source = "内部资料",
            Category = "纪检监察",
            Tags = ["作风", "巡察"],
            TitleProvenance = new MetadataProvenance("front matter", 1),
            YearProvenance = new MetadataProvenance("inferred: 今年", 0.75),
        },
        Warnings: ["line 3: 'x' is not a date"],
        Title: new TextSpan(0, 15),
        Salutation: new TextSpan(16, 20),
        ThemeShares: new Dictionary<string, double> { ["jiandu"] = 0.5, ["zuofeng"] = 0.25 },
        Text: "在全面从严治党工作会议上的讲话\n同志们：\n要<b>抓</b>作风。",
        Markdown: "# 在全面从严治党工作会议上的讲话",
        IndexedAt: "2026-11-23T00:00:00Z",
        SourceStamp: "123|456|");

    private IndexStore Create()
    {
        var store = IndexStore.Open(temp.Combine("index"), create: true);
        store.BeginTransaction();
        return store;
    }

    [Fact]
    public void TheStore_ShouldRunOnSqlite350OrLater()
    {
        using var store = Create();

        var version = Version.Parse(store.SqliteVersion);

        Assert.True(version >= new Version(3, 50), $"SQLite {version}");
    }

    [Fact]
    public void ANewIndex_ShouldBeInWalModeWithTheCurrentSchemaVersion()
    {
        using (Create())
        {
        }

        using var store = IndexStore.Open(temp.Combine("index"), create: false);

        Assert.Equal(Schema.Version.ToString(CultureInfo.InvariantCulture), store.GetMeta(MetaKey.SchemaVersion));
        Assert.Equal("wal", JournalMode(store.DatabasePath));
    }

    [Fact]
    public void ASpeech_ShouldReadBackAsWritten()
    {
        using var store = Create();
        var written = Speech("a.md");

        var rowId = store.InsertSpeech(written);
        var read = store.ReadSpeech(rowId);

        Assert.Equal(written with { RowId = rowId, Metadata = read.Metadata, Warnings = read.Warnings, ThemeShares = read.ThemeShares }, read);
        Assert.Equal(written.Metadata with { Tags = read.Metadata.Tags }, read.Metadata);
        Assert.Equal(written.Metadata.Tags, read.Metadata.Tags);
        Assert.Equal(written.Warnings, read.Warnings);
        Assert.Equal(written.ThemeShares, read.ThemeShares);
    }

    [Fact]
    public void ASpeechWithNoOptionalValues_ShouldReadBackWithNone()
    {
        using var store = Create();
        var written = new StoredSpeech(RowId: 0, FileKey: "b.txt", PublicId: "b", ContentHash: "h", LabelsFingerprint: "f",
            Metadata: new SpeechMetadata(), Warnings: [], Title: null, Salutation: null, ThemeShares: new Dictionary<string, double>(),
            Text: "同志们：", Markdown: null, IndexedAt: "now", SourceStamp: null);

        var read = store.ReadSpeech(store.InsertSpeech(written));

        Assert.Equal(new SpeechMetadata(), read.Metadata with { Tags = [] });
        Assert.Empty(read.Metadata.Tags);
        Assert.Equal(written with { RowId = read.RowId, Metadata = read.Metadata, Warnings = read.Warnings, ThemeShares = read.ThemeShares }, read);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void SpeechesReadWithoutText_ShouldKeepEverythingButTheText()
    {
        using var store = Create();
        store.InsertSpeech(Speech("a.md"));
        store.InsertSpeech(Speech("b.md") with { PublicId = "id-b" });

        var light = store.ReadSpeeches(withText: false);
        var full = store.ReadSpeeches();

        Assert.Equal(["a.md", "b.md"], light.Select(s => s.FileKey));
        Assert.All(light, s => Assert.Equal("", s.Text));
        Assert.All(light, s => Assert.Null(s.Markdown));
        Assert.Equal(full.Select(s => s.Metadata.Title), light.Select(s => s.Metadata.Title));
        Assert.Equal(full.Select(s => s.SourceStamp), light.Select(s => s.SourceStamp));
    }

    [Fact]
    public void SectionsAndPassages_ShouldReadBackPerSpeechInOrder()
    {
        using var store = Create();
        var a = store.InsertSpeech(Speech("a.md"));
        var b = store.InsertSpeech(Speech("b.md") with { PublicId = "id-b" });
        var section = new StoredSection(b, 0, 1, "一、", "提高站位", 0, 4, 0, 30, -1);
        var passages = new[]
        {
            new StoredPassage(7, a, 0, -1, null, 0, 10, "zuofeng", "", "0,5,要求;1,4,", 10),
            new StoredPassage(9, b, 0, 0, "一是", 5, 30, "", "yaoqiu,bushu", "", null),
        };
        store.InsertSection(section);
        foreach (var p in passages)
        {
            store.InsertPassage(p);
        }

        Assert.Equal([section], store.ReadSections(b));
        Assert.Empty(store.ReadSections(a));
        Assert.Equal(passages, store.ReadPassages());
        Assert.Equal([passages[1]], store.ReadPassages(b));
        Assert.Equal([7L, 9L], store.ReadPassageIds().Order());
        Assert.Equal(2, store.CountPassages());
    }

    [Fact]
    public void DeletingASpeech_ShouldRemoveItsSectionsAndPassages()
    {
        using var store = Create();
        var a = store.InsertSpeech(Speech("a.md"));
        store.InsertSection(new StoredSection(a, 0, 1, "一、", "提高站位", 0, 4, 0, 30, -1));
        store.InsertPassage(new StoredPassage(1, a, 0, 0, null, 0, 10, "", "", ""));

        store.DeleteSpeech(a);

        Assert.Empty(store.ReadSpeeches());
        Assert.Empty(store.ReadSections());
        Assert.Equal(0, store.CountPassages());
    }

    [Fact]
    public void ARolledBackRun_ShouldLeaveTheLastCommit()
    {
        using (var store = Create())
        {
            store.InsertSpeech(Speech("kept.md"));
            store.BumpGeneration();
            store.Commit();
            store.BeginTransaction();
            store.InsertSpeech(Speech("dropped.md") with { PublicId = "dropped" });
            store.BumpGeneration();
            store.Rollback();
        }

        using var reopened = IndexStore.Open(temp.Combine("index"), create: false);

        Assert.Equal(["kept.md"], reopened.ReadSpeeches().Select(s => s.FileKey));
        Assert.Equal(1, reopened.Generation);
    }

    [Fact]
    public void Meta_ShouldReadBackAndBeReplaced()
    {
        using var store = Create();

        store.SetMeta(MetaKey.Lexicon, "词\t1");
        store.SetMeta(MetaKey.Lexicon, "作风\t2");

        Assert.Equal("作风\t2", store.GetMeta(MetaKey.Lexicon));
        Assert.Null(store.GetMeta(MetaKey.LexiconEdits));
    }

    [Fact]
    public void AUniqueKeyClash_ShouldNameTheFileAndTheStatement()
    {
        using var store = Create();
        store.InsertSpeech(Speech("a.md"));

        var e = Assert.Throws<SpeechArchiveException>(() => store.InsertSpeech(Speech("a.md")));

        Assert.Contains(store.DatabasePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO speeches", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotADatabase_ShouldBeRefusedByName()
    {
        var dir = temp.Combine("garbage");
        Directory.CreateDirectory(dir);
        File.WriteAllText(IndexStore.DatabasePathIn(dir), new string('x', 4096));

        var e = Assert.Throws<IndexDamagedException>(() => IndexStore.Open(dir, create: false));

        Assert.Contains(IndexStore.DatabasePathIn(dir), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingIndex_ShouldSayHowToBuildOne()
    {
        var e = Assert.Throws<SpeechArchiveException>(() => IndexStore.Open(temp.Combine("none"), create: false));

        Assert.Contains("index --corpus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndexWrittenByTheEarlierSqliteLayer_ShouldLoadSearchAndBeReadAgainInPlace()
    {
        // Made by the hand-written SQLitePCLRaw 2.0.6 layer (SQLite 3.35.5) over Fixtures/Corpus, schema version 3.
        var indexDir = temp.Combine("legacy");
        Directory.CreateDirectory(indexDir);
        File.Copy(Path.Combine(FixturePaths.Root, "Storage", "index-sqlitepclraw-2.0.6.db"), IndexStore.DatabasePathIn(indexDir));
        var corpus = temp.CopyFixtureCorpus();

        var before = new Searcher(IndexSnapshot.Load(indexDir)).Search(new SearchRequest { Query = "作风" });
        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = indexDir });
        var after = new Searcher(IndexSnapshot.Load(indexDir)).Search(new SearchRequest { Query = "作风" });

        Assert.True(before.Total > 0);
        Assert.Equal(0, run.Removed);
        Assert.True(run.Added + run.Updated > 0, "written by pipeline 1: every file is read again (Indexer.PipelineVersion)");
        Assert.Empty(run.Failed);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Hits.Select(h => h.PassageId), after.Hits.Select(h => h.PassageId));
    }

    private static string JournalMode(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose() => temp.Dispose();
}
