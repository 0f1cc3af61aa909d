using System.Collections.Concurrent;
using System.Net;
using SpeechArchive.Indexing;
using SpeechArchive.Tests;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>Reindex requests at once, uploads and searches during a reindex, and a reindex while another process indexes.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Speeches = 300;

    private readonly ArchiveFactory app = new(syntheticSpeeches: 0);
    private readonly HttpClient admin;

    public ConcurrencyTests()
    {
        SyntheticCorpus.Write(Synthetic, Speeches, "甲稿");
        admin = app.CreateAdminClient();
    }

    private string Synthetic => Path.Combine(app.CorpusDirectory, "synthetic");

    [Fact]
    public async Task WhenManyReindexRequestsArriveAtOnce_ShouldStartExactlyOne()
    {
        var before = await GenerationAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.PostAsync("/api/admin/reindex?rebuild=true", null)));
        var status = await WaitForReindexAsync(admin);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Null(status.GetProperty("error").GetString());
        Assert.Equal(before + 1, status.GetProperty("generation").GetInt64());
        Array.ForEach(answers, a => a.Dispose());
    }

    [Fact]
    public async Task WhenUploadingDuringAReindex_ShouldQueueOneMoreRunAndMakeTheUploadSearchable()
    {
        // Whether the upload lands while the rebuild still runs is a race (300 speeches rebuild in under a second): more
        // speeches widen the window, and an attempt whose upload came after the rebuild ended is tried again.
        SyntheticCorpus.Write(Path.Combine(app.CorpusDirectory, "more"), 1500, "丁稿");
        foreach (var marker in new[] { "追加上传甲", "追加上传乙", "追加上传丙", "追加上传丁" })
        {
            var before = await GenerationAsync();
            using var started = await admin.PostAsync("/api/admin/reindex?rebuild=true", null);
            using var form = Files((marker + ".md", Utf8(Speech(marker))));

            var report = await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form));
            var queuedStatus = await JsonAsync(await admin.GetAsync("/api/admin/status"));
            var status = await WaitForReindexAsync(admin);

            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            Assert.Null(status.GetProperty("error").GetString());
            Assert.Equal(1, (await Api.SearchAsync(admin, "q=" + Api.Encode($"\"{marker}\""))).TotalSpeeches); // indexed either way (quoted: only passages holding it count, none for meaning)
            if (report.GetProperty("reindexStarted").GetBoolean())
            {
                continue; // the rebuild had ended: the upload started its own run; no overlap to test
            }

            Assert.True(report.GetProperty("reindexQueued").GetBoolean());
            Assert.True(queuedStatus.GetProperty("running").GetBoolean());
            Assert.False(status.GetProperty("queued").GetBoolean());
            // Two runs: the rebuild, then the queued one. When the rebuild's scan starts after the upload is stored (a slow
            // start on a loaded machine) the rebuild indexes the file itself and the queued run finds nothing to commit.
            Assert.InRange(status.GetProperty("generation").GetInt64(), before + 1, before + 2);
            return;
        }

        Assert.Fail("in four attempts the upload never came while the rebuild ran: the test did not overlap them");
    }

    [Fact]
    public async Task WhenSearchingDuringAReindex_ShouldAnswerEveryPageFromOneWholeGeneration()
    {
        using var client = app.CreateClient();
        var id = (await Api.SearchAsync(client, "q=" + Api.Encode("甲稿") + "&limit=1")).Hits[0].SpeechId;
        SyntheticCorpus.Write(Synthetic, Speeches, "乙稿");
        var failures = new ConcurrentBag<string>();
        var swapped = false;

        using var started = await admin.PostAsync("/api/admin/reindex", null);
        var reindex = WaitForReindexAsync(admin);
        var answered = 0;
        while (!reindex.IsCompleted || answered < 20)
        {
            var (old, fresh) = (await TotalSpeechesAsync(client, "甲稿"), await TotalSpeechesAsync(client, "乙稿"));
            if (old is not (0 or Speeches) || fresh is not (0 or Speeches))
            {
                failures.Add($"a search saw part of a generation: {old} 甲稿, {fresh} 乙稿");
            }

            swapped |= fresh == Speeches;
            if (swapped && old == Speeches && fresh == 0)
            {
                failures.Add("went back to the old generation after the swap");
            }

            foreach (var url in new[] { "/?q=" + Api.Encode("作风建设"), "/speeches/" + Uri.EscapeDataString(id) + "?q=" + Api.Encode("纪律"), "/api/facets?q=" + Api.Encode("警示教育") })
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{url}: {(int)response.StatusCode}");
                }
            }

            answered++;
        }

        await reindex;
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Empty(failures);
        Assert.Equal((0, Speeches), (await TotalSpeechesAsync(client, "甲稿"), await TotalSpeechesAsync(client, "乙稿")));
    }

    [Fact]
    public async Task WhenAnotherProcessIsIndexingTheSameIndex_ShouldRefuseTheReindexAndKeepServing()
    {
        SyntheticCorpus.Write(Path.Combine(app.CorpusDirectory, "more"), 400, "丙稿");
        using var client = app.CreateClient();
        await Api.SearchAsync(client, "limit=0"); // the app is up on its index
        using var parsing = new StageGate("parse");
        var outside = Task.Run(() => Indexer.Run(new IndexOptions { CorpusDirectory = app.CorpusDirectory, IndexDirectory = app.IndexDirectory, Parallelism = 1 }, parsing));
        Assert.True(parsing.WaitReached(), "the outside run never reached its parse stage");

        using var refused = await admin.PostAsync("/api/admin/reindex", null);
        var failed = await WaitForReindexAsync(admin);
        var duringSearch = await Api.SearchAsync(client, "q=" + Api.Encode("甲稿") + "&limit=0");
        parsing.Release();
        await outside;
        using var retried = await admin.PostAsync("/api/admin/reindex", null);
        var done = await WaitForReindexAsync(admin);

        Assert.Equal(HttpStatusCode.Accepted, refused.StatusCode);
        Assert.Contains("Another indexing run", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Speeches, duringSearch.TotalSpeeches);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Null(done.GetProperty("error").GetString());
        Assert.Equal(400, await TotalSpeechesAsync(client, "丙稿"));
    }

    private async Task<long> GenerationAsync() => (await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("generation").GetInt64();

    private static async Task<int> TotalSpeechesAsync(HttpClient client, string marker) =>
        (await Api.SearchAsync(client, "limit=0&q=" + Api.Encode("\"" + marker + "\""))).TotalSpeeches;

    public void Dispose()
    {
        admin.Dispose();
        app.Dispose();
    }
}
