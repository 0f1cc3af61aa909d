using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Indexing;

public sealed class IndexerTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string corpus;
    private readonly string indexDir;

    public IndexerTests()
    {
        corpus = temp.CopyFixtureCorpus();
        indexDir = temp.Combine("index");
    }

    private IndexRunResult Run(bool rebuild = false) =>
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = indexDir, Rebuild = rebuild });

    private SearchResult Search(string q) => new Searcher(IndexSnapshot.Load(indexDir)).Search(new SearchRequest { Query = q, Limit = 100 });

    [Fact]
    public void WhenIndexingTheFirstTime_ShouldAddEveryFile()
    {
        var result = Run();

        Assert.Equal(Directory.GetFiles(corpus).Length, result.Added);
        Assert.Empty(result.Failed);
        Assert.True(result.Committed);
    }

    [Fact]
    public void WhenNothingChanged_ShouldTouchNothing()
    {
        Run();
        var db = IndexStorePath();
        var before = (File.GetLastWriteTimeUtc(db), new FileInfo(db).Length, IndexSnapshot.Load(indexDir).Generation);

        var again = Run();

        Assert.False(again.Committed);
        Assert.Equal(Directory.GetFiles(corpus).Length, again.Unchanged);
        Assert.Equal(0, again.Added + again.Updated + again.Removed);
        Assert.Equal(before, (File.GetLastWriteTimeUtc(db), new FileInfo(db).Length, IndexSnapshot.Load(indexDir).Generation));
    }

    [Fact]
    public void WhenAFileChanges_ShouldReparseOnlyThatFile()
    {
        Run();
        var file = Path.Combine(corpus, "2022-xuanchuan.txt");
        File.WriteAllText(file, File.ReadAllText(file).Replace("讲好故事", "讲好新时代的故事", StringComparison.Ordinal));

        var result = Run();

        Assert.Equal(1, result.Updated);
        Assert.Equal(Directory.GetFiles(corpus).Length - 1, result.Unchanged);
        Assert.Single(Search("新时代的故事").Hits);
        Assert.Empty(Search("守好阵地，讲好故事").Hits);
    }

    [Fact]
    public void WhenAFileIsDeletedOrAdded_ShouldRemoveOrAddItsPassages()
    {
        Run();
        File.Delete(Path.Combine(corpus, "2019-jiwei-quanhui.md"));
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");

        var result = Run();

        Assert.Equal(1, result.Removed);
        Assert.Equal(1, result.Added);
        Assert.Empty(Search("公款吃喝").Hits);
        Assert.Single(Search("巡察整改").Hits);
    }

    [Fact]
    public void WhenAnIndexedFileBecomesUnreadable_ShouldKeepItsLastGoodVersionAndReportIt()
    {
        Run();
        File.WriteAllBytes(Path.Combine(corpus, "2022-xuanchuan.txt"), []);

        var result = Run();

        var failure = Assert.Single(result.Failed);
        Assert.Equal("2022-xuanchuan.txt", failure.File);
        Assert.Contains("stays searchable", failure.Reason, StringComparison.Ordinal);
        Assert.Single(Search("意识形态工作领导权").Hits);
    }

    [Fact]
    public void WhenABrokenFileIsAmongGoodOnes_ShouldIndexTheRestAndNameTheBrokenOne()
    {
        File.WriteAllBytes(Path.Combine(corpus, "empty.txt"), []);

        var result = Run();

        Assert.Equal("empty.txt", Assert.Single(result.Failed).File);
        Assert.Equal(Directory.GetFiles(corpus).Length - 1, result.Added);
    }

    [Fact]
    public void WhenRebuilding_ShouldStartOverWithTheSameContent()
    {
        Run();
        var before = Search("作风").Hits.Select(h => h.PassageId).ToList();

        var result = Run(rebuild: true);

        Assert.Equal(Directory.GetFiles(corpus).Length, result.Added);
        Assert.Equal(before, Search("作风").Hits.Select(h => h.PassageId).ToList());
    }

    [Fact]
    public void WhenManyRunsChangeFiles_ShouldKeepSearchConsistentAcrossSegments()
    {
        Run();
        var file = Path.Combine(corpus, "2022-xuanchuan.txt");
        var original = File.ReadAllText(file);
        for (var i = 0; i < 12; i++)
        {
            File.WriteAllText(file, original + $"\n第{i}轮修改：要把督查问责落到实处。\n");
            Run();
        }

        var hits = Search("督查问责").Hits;
        Assert.Single(hits);
        Assert.Contains("第11轮", hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(Search("作风").Total, new Searcher(IndexSnapshot.Load(indexDir)).Search(new SearchRequest { Query = "作风" }).Total);
    }

    [Fact]
    public void WhenTwoRunsTargetTheSameIndex_ShouldRefuseTheSecond()
    {
        using var held = IndexLock.Acquire(indexDir);

        var e = Assert.Throws<SpeechArchiveException>(() => Run());

        Assert.Contains("Another indexing run", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheIndexHasAnotherSchemaVersion_ShouldSayHowToFixIt()
    {
        Run();
        using (var db = SpeechArchive.Storage.IndexStore.Open(indexDir, create: false))
        {
            db.SetMeta(SpeechArchive.Storage.MetaKey.SchemaVersion, "999");
        }

        var e = Assert.Throws<SpeechArchiveException>(() => IndexSnapshot.Load(indexDir));

        Assert.Contains("--rebuild", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenATaxonomyCueIsEdited_ShouldRelabelOnlyTheAffectedSpeechesWithoutReparsing()
    {
        var taxonomyFile = Path.Combine(corpus, "taxonomy.yaml");
        var yaml = SpeechArchive.Classification.Taxonomy.Default.Yaml;
        File.WriteAllText(taxonomyFile, yaml);
        Run();
        var before = Search("type:prohibition").Hits.Select(h => h.PassageId).ToHashSet();
        Assert.Contains(before, id => id.StartsWith("2019-jiwei-quanhui", StringComparison.Ordinal)); // 严禁公款吃喝，不得违规发放

        // Take the force out of 严禁 and 不得: the sentences they carried are no longer prohibitions.
        File.WriteAllText(taxonomyFile, yaml.Replace("严禁: 4,", "严禁: 0,", StringComparison.Ordinal).Replace("不得: 3.5,", "不得: 0,", StringComparison.Ordinal));
        var result = Run();

        Assert.Equal(0, result.Added + result.Updated);
        Assert.Equal(Directory.GetFiles(corpus, "*.*").Count(f => !f.EndsWith(".yaml", StringComparison.Ordinal)), result.Unchanged);
        Assert.InRange(result.Relabelled, 1, result.Unchanged - 1);
        var after = Search("type:prohibition").Hits.Select(h => h.PassageId).ToHashSet();
        Assert.DoesNotContain(after, id => id.StartsWith("2019-jiwei-quanhui", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheTaxonomyFileIsMalformed_ShouldKeepThePreviousLabelsAndNameTheLine()
    {
        var taxonomyFile = Path.Combine(corpus, "taxonomy.yaml");
        File.WriteAllText(taxonomyFile, SpeechArchive.Classification.Taxonomy.Default.Yaml);
        Run();
        var before = Search("type:prohibition").Total;
        File.WriteAllText(taxonomyFile, "themes:\n  - id: broken\n    label: [unclosed\n");

        var result = Run();

        var failure = Assert.Single(result.Failed);
        Assert.Contains("line", failure.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("previous taxonomy stays in force", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(before, Search("type:prohibition").Total);
    }

    [Fact]
    public void WhenStored_ShouldGiveBackThePassagesAndSentencesTheParserMade()
    {
        Run();
        var snapshot = IndexSnapshot.Load(indexDir);

        foreach (var speech in snapshot.Speeches)
        {
            var parsed = SpeechArchive.Structure.SpeechParser.Parse(speech.Text, new SpeechArchive.Structure.SpeechParseOptions { KnownTitle = speech.Title });
            var stored = speech.Passages.Select(i => snapshot.Passages[i]).ToList();
            Assert.Equal(parsed.Passages.Select(p => (p.Span.Start, p.Span.End, p.SectionPathText)), stored.Select(p => (p.Start, p.End, p.SectionPath)));
            Assert.Equal(parsed.Passages.SelectMany(p => p.Sentences).Select(s => (s.Start, s.End)), stored.SelectMany(p => p.Sentences).Select(s => (s.Start, s.End)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WhenAStoredSpeechHasAnIdOfAnEarlierRule_ShouldKeepItAndGiveOnlyANewFileTheCleanId(bool rebuild)
    {
        // 通知（一）！.md was 通知-一-- until the ids lost their trailing hyphens: a stored speech keeps the id links point at,
        // through a later run and a rebuild (a new pipeline version rebuilds every index) alike.
        File.WriteAllText(Path.Combine(corpus, "通知（一）！.md"), "要把巡察整改作为重要政治任务抓紧抓实。\n");
        Run();
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={IndexStorePath()};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "UPDATE speeches SET public_id = '通知-一--' WHERE public_id = '通知-一'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        File.WriteAllText(Path.Combine(corpus, "通报（二）！.md"), "要把巡察整改作为重要政治任务抓紧抓实，坚持问题导向。\n");
        var result = Run(rebuild);

        var ids = IndexSnapshot.Load(indexDir).Speeches.ToDictionary(s => s.FileKey, s => s.Id);
        Assert.Empty(result.Failed);
        Assert.Equal("通知-一--", ids["通知（一）！.md"]);
        Assert.Equal("通报-二", ids["通报（二）！.md"]);
    }

    [Fact]
    public void WhenAFileIsLarge_ShouldReportItsParseAsItStartsAndNotOnlyAsItEnds()
    {
        // A file of one passage pasted many times: the admin's status said the reading was done while it was parsed.
        const string paragraph = "要坚持全面从严治党，持续深化作风建设，推动党风廉政建设和反腐败斗争向纵深发展。\n";
        temp.Write("large/big.txt", string.Concat(Enumerable.Repeat(paragraph, (Indexer.ReportedParseFrom / paragraph.Length) + 1)));
        var reports = new List<IndexProgress>();

        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("large"), IndexDirectory = temp.Combine("large-index") }, new Recorder(reports));

        var parse = reports.Where(r => r.Stage == "parse").ToList();
        Assert.Equal([new IndexProgress("parse", 0, 1, "big.txt"), new IndexProgress("parse", 1, 1, "big.txt")], parse);
    }

    private string IndexStorePath() => SpeechArchive.Storage.IndexStore.DatabasePathIn(indexDir);

    public void Dispose() => temp.Dispose();

    /// <summary>Keeps every report, in the order made (the indexer reports from its workers' threads).</summary>
    private sealed class Recorder(List<IndexProgress> reports) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
