using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public sealed class MetadataTableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WhenTsvHasColumnsInAnyOrder_ShouldReadThemByHeader()
    {
        var path = _folder.Write("MANIFEST.tsv",
            "tags\tunknown\tyear\tfile\torg\tspeaker\tdate\ttitle\n" +
            "党建,廉政\tx\t2022\ta.txt\t市人社局\t局长\t2022-03-01\t讲话甲\n");

        var row = MetadataTable.Load(path).Find("a.txt");

        Assert.NotNull(row);
        Assert.Equal("讲话甲", row.Title);
        Assert.Equal(2022, row.Year);
        Assert.Equal(new DateOnly(2022, 3, 1), row.Date);
        Assert.Equal("市人社局", row.Organization);
        Assert.Equal("局长", row.Speaker);
        Assert.Equal(["党建", "廉政"], row.Tags);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void WhenCsvHasQuotedFields_ShouldReadCommasQuotesAndLineBreaksInside()
    {
        var path = _folder.Write("metadata.csv",
            "file,title,meeting\r\n" +
            "a.md,\"讲话，含逗号, and comma\",\"他说\"\"要严\"\"\"\r\n" +
            "b.md,\"两行\n标题\",会议\r\n" +
            "c.md,丙,\r\n");

        var table = MetadataTable.Load(path);

        Assert.Equal("讲话，含逗号, and comma", table.Find("a.md")?.Title);
        Assert.Equal("他说\"要严\"", table.Find("a.md")?.Meeting);
        Assert.Equal("两行\n标题", table.Find("b.md")?.Title);
        Assert.Equal(5, table.Find("c.md")?.Line);
        Assert.Null(table.Find("c.md")?.Meeting);
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void WhenRowsAreBad_ShouldSkipThemWithWarningsNamingTheLine()
    {
        var path = _folder.Write("MANIFEST.tsv",
            "file\ttitle\tyear\n" +
            "good.txt\t好\t2022\n" +
            "short.txt\t少一列\n" +
            "year.txt\t坏年份\t去年\n" +
            "\t没有文件名\t2022\n" +
            "good.txt\t重复\t2021\n");

        var table = MetadataTable.Load(path);

        Assert.Equal(1, table.Count);
        Assert.Equal("好", table.Find("good.txt")?.Title);
        Assert.Collection(table.Warnings,
            w => Assert.StartsWith("MANIFEST.tsv 第 3 行未采用 (MANIFEST.tsv line 3: ", w, StringComparison.Ordinal),
            w => Assert.Contains("line 4: row skipped: 'year'", w, StringComparison.Ordinal),
            w => Assert.Contains("line 5: row skipped: empty 'file'", w, StringComparison.Ordinal),
            w => Assert.Contains("line 6: row skipped: 'good.txt' already listed at line 2", w, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenCsvQuoteIsNotClosed_ShouldSkipThatRowWithAWarning()
    {
        var path = _folder.Write("metadata.csv", "file,title\na.md,甲\nb.md,\"未闭合\n");

        var table = MetadataTable.Load(path);

        Assert.Equal("甲", table.Find("a.md")?.Title);
        Assert.Null(table.Find("b.md"));
        Assert.Contains(table.Warnings, w => w.Contains("line 3", StringComparison.Ordinal) && w.Contains("not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenHeaderHasNoFileColumn_ShouldThrowNamingTheTable()
    {
        var path = _folder.Write("MANIFEST.tsv", "name\ttitle\na.txt\t甲\n");

        var e = Assert.Throws<SpeechArchiveException>(() => MetadataTable.Load(path));

        Assert.Contains("MANIFEST.tsv", e.Message, StringComparison.Ordinal);
        Assert.Contains("'file'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTableCannotBeLoaded_ShouldTurnItIntoACacheWarning()
    {
        var path = _folder.Write("MANIFEST.tsv", "title\n甲\n");
        var cache = new MetadataTableCache();

        var table = cache.For(new CorpusFile("a.txt", Path.Combine(_folder.Path, "a.txt"), 1) { MetadataTablePath = path });

        Assert.Null(table);
        Assert.Single(cache.Warnings);
    }

    [SkippableFact]
    public void WhenReportsManifestIsLoaded_ShouldFindEveryReportByFileName()
    {
        var reports = SharedCorpus.Require("reports");

        var table = MetadataTable.Load(Path.Combine(reports, "MANIFEST.tsv"));
        var files = new CorpusScanner().Scan(reports);

        Assert.Empty(table.Warnings);
        Assert.Equal(files.Count, table.Count);
        Assert.All(files, f => Assert.NotNull(table.Find(f)));
        var first = table.Find("gwr_00001.txt");
        Assert.Equal("2025年中华人民共和国国务院政府工作报告", first?.Title);
        Assert.Equal(2025, first?.Year);
        Assert.Equal("government_work_report", first?.Category);
    }
}
