using System.Net;
using Microsoft.AspNetCore.Hosting;
using SpeechArchive.Tests.Storage;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>The web app meeting a damaged index file or a full disk: a clear answer, never a 500, and nothing lost.</summary>
public sealed class FaultTests : IDisposable
{
    private string Database => Path.Combine(app.IndexDirectory, "speecharchive.db");

    private readonly ArchiveFactory app = new();

    private void DamageIndexBeforeStart()
    {
        Directory.CreateDirectory(app.IndexDirectory);
        File.WriteAllText(Database, "这不是索引文件。");
    }

    [Fact]
    public async Task OnADamagedIndex_PagesAndApiShouldSay503AndTheAdminsRebuildShouldRestoreSearch()
    {
        DamageIndexBeforeStart();
        using var admin = app.CreateAdminClient();

        var page = await admin.GetAsync("/?q=" + Api.Encode("作风"));
        var api = await admin.GetAsync("/api/search?q=" + Api.Encode("作风"));
        var status = await admin.GetAsync("/api/admin/status");
        var html = await page.Content.ReadAsStringAsync();
        var problem = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("索引已损坏", html, StringComparison.Ordinal);
        Assert.Contains("完全重建", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("index --rebuild", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/reindex?rebuild=true", null)).StatusCode);
        var finished = await WaitForReindexAsync(admin);
        var result = await Api.SearchAsync(admin, "q=" + Api.Encode("作风"));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, finished.GetProperty("error").ValueKind);
        Assert.NotEmpty(result.Hits);
        Assert.Single(Directory.GetFiles(app.IndexDirectory, "speecharchive.db.damaged-*"));
    }

    [Fact]
    public async Task OnADamagedIndex_ThePageAndProblemShouldCarryTheEnglishGlossAndNotTheServersPath()
    {
        // The 503 said the exception's message: English only, unlike every other refusal, naming the index file's path.
        DamageIndexBeforeStart();
        using var client = app.CreateClient();

        var page = await client.GetAsync("/?q=" + Api.Encode("作风"));
        var api = await client.GetAsync("/api/search?q=" + Api.Encode("作风"));
        var html = await page.Content.ReadAsStringAsync();
        var problem = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("索引已损坏 (index damaged)", problem.GetProperty("title").GetString());
        Assert.StartsWith("索引文件已损坏", detail, StringComparison.Ordinal);
        var gloss = SpeechArchive.Web.Presentation.Bilingual.GlossStart(detail);
        Assert.NotNull(gloss);
        Assert.Contains("(the index file is damaged (", detail[gloss.Value..], StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" lang=\"en\">(the index file is damaged (", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\">(index damaged)</span>", html, StringComparison.Ordinal);
        foreach (var answer in new[] { html, detail })
        {
            Assert.DoesNotContain(app.IndexDirectory, answer, StringComparison.Ordinal);
            Assert.DoesNotContain("speecharchive.db'", answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithRebuildDamagedIndex_TheAppShouldRebuildItAtStartAndServe()
    {
        DamageIndexBeforeStart();
        using var rebuilding = app.WithWebHostBuilder(b => b.UseSetting("SpeechArchive:RebuildDamagedIndex", "true"));
        using var client = rebuilding.CreateClient();

        var result = await Api.SearchAsync(client, "q=" + Api.Encode("作风"));

        Assert.NotEmpty(result.Hits);
        Assert.Single(Directory.GetFiles(app.IndexDirectory, "speecharchive.db.damaged-*"));
    }

    [SkippableFact]
    public async Task AnUploadThatDoesNotFit_ShouldBeRefusedWholeAndLeaveNothingBehind()
    {
        var uploads = Path.Combine(app.CorpusDirectory, "uploads");
        using var disk = SmallDisk.MountAt(uploads, 64);
        using var admin = app.CreateAdminClient();
        using var form = Files(("小.md", Utf8(Speech("量子通信"))), ("大.md", Utf8(Speech(new string('详', 40_000)))));

        var report = await JsonAsync(await admin.PostAsync("/api/admin/upload", form));

        var files = report.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        foreach (var file in files.EnumerateArray())
        {
            Assert.False(file.GetProperty("accepted").GetBoolean());
            Assert.Contains("都没有保存（磁盘已满 (the disk is full)", file.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(uploads, file.GetProperty("reason").GetString(), StringComparison.Ordinal); // the exception's message named it
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(uploads));
    }

    [SkippableFact]
    public async Task AnUploadThatCannotBeDeleted_ShouldAnswer409WithTheReasonAndStartNoReindex()
    {
        var uploads = Path.Combine(app.CorpusDirectory, "uploads");
        using var disk = SmallDisk.MountAt(uploads, 64);
        File.WriteAllText(Path.Combine(uploads, "只读.md"), Speech("只读文件"));
        disk.ReadOnly();
        using var admin = app.CreateAdminClient();

        using var response = await admin.DeleteAsync("/api/admin/uploads/" + Api.Encode("只读.md"));
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("无法删除 uploads/只读.md", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(uploads, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(uploads, "只读.md")));
        Assert.False((await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("running").GetBoolean());
    }

    [SkippableFact]
    public async Task AReindexOnAFullDisk_ShouldReportItAndKeepServingTheLastIndex()
    {
        using var disk = SmallDisk.MountAt(app.IndexDirectory, 1024);
        using var admin = app.CreateAdminClient();
        var before = await Api.SearchAsync(admin, "q=" + Api.Encode("作风"));
        SpeechArchive.Tests.Indexing.GeneratedCorpus.Write(Path.Combine(app.CorpusDirectory, "more"), 300, "甲稿");

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/reindex", null)).StatusCode);
        var status = await WaitForReindexAsync(admin);
        var after = await Api.SearchAsync(admin, "q=" + Api.Encode("作风"));

        Assert.Contains("is full", status.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Hits.Select(h => h.PassageId), after.Hits.Select(h => h.PassageId));
    }

    [SkippableFact]
    public async Task OnAReadOnlyIndexFolder_SearchShouldWorkAndAReindexShouldSayWhy()
    {
        using var disk = SmallDisk.MountAt(app.IndexDirectory, 8 * 1024);
        SpeechArchive.Indexing.Indexer.Run(new() { CorpusDirectory = app.CorpusDirectory, IndexDirectory = app.IndexDirectory });
        disk.ReadOnly();
        using var admin = app.CreateAdminClient();

        var result = await Api.SearchAsync(admin, "q=" + Api.Encode("作风"));
        var page = await admin.GetAsync("/?q=" + Api.Encode("作风"));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/reindex", null)).StatusCode);
        var status = await WaitForReindexAsync(admin);

        Assert.NotEmpty(result.Hits);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Cannot write the index folder '{app.IndexDirectory}'", status.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
