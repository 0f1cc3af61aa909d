using System.Net;
using System.Net.Http.Headers;
using SpeechArchive.Tests;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

public sealed class AdminApiTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient admin;

    public AdminApiTests() => admin = app.CreateAdminClient();

    [Theory]
    [InlineData("GET", "/api/admin/status")]
    [InlineData("POST", "/api/admin/reindex")]
    [InlineData("POST", "/api/admin/upload")]
    public async Task WhenNoTokenIsSent_ShouldAnswer401(string method, string url)
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("请用 Authorization: Bearer <token> 或 X-Admin-Token 头提供管理令牌。(give the admin token as Authorization: Bearer <token> or X-Admin-Token)", await DetailAsync(response));
    }

    [Fact]
    public async Task WhenTheTokenIsWrong_ShouldAnswer403()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Token", "not-the-token");

        using var response = await client.PostAsync("/api/admin/reindex", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("管理令牌不正确。(the admin token is wrong)", detail); // Chinese first, an English gloss after it, as every other refusal
    }

    [Fact]
    public async Task WhenTheTokenComesInTheXAdminTokenHeader_ShouldBeAccepted()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Token", ArchiveFactory.Token);

        using var response = await client.GetAsync("/api/admin/statistics");

        var stats = await JsonAsync(response);
        Assert.True(stats.GetProperty("speeches").GetInt32() > 0);
        var meaning = stats.GetProperty("meaning");
        // A few fixture speeches: too few to learn a model from, and none of their words recurs enough to extend the base.
        Assert.Equal("base", meaning.GetProperty("model").GetString());
        Assert.True(meaning.GetProperty("generation").GetInt64() >= 1, "the index stored its model choice");
        Assert.Equal(SpeechArchive.Semantics.WordVectors.Base!.Count, meaning.GetProperty("words").GetInt32());
    }

    [Fact]
    public async Task WhenFailingFiveTimes_ShouldRefuseEvenTheRightTokenWith429()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/admin/status");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + i);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrong)).StatusCode);
        }

        using var response = await admin.GetAsync("/api/admin/status");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("失败次数过多，请一分钟后再试。(too many failed attempts: try again in a minute)", await DetailAsync(response));
    }

    [Fact]
    public async Task WhenTheUploadHoldsNoFile_ShouldAnswer400InChineseWithAnEnglishGloss()
    {
        // "请求中没有文件。" had no English gloss, unlike every other refusal (a review).
        using var form = new MultipartFormDataContent { { new StringContent("1"), "note" } };

        using var response = await admin.PostAsync("/api/admin/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求中没有文件。(the request holds no files)", await DetailAsync(response));
    }

    [Fact]
    public async Task WhenTheUploadFormCannotBeRead_ShouldAnswer400InChineseWithTheReaderWordsAsTheGloss()
    {
        // The detail was the form reader's message alone, in English (Missing content-type boundary.).
        using var content = new ByteArrayContent("--x\r\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        using var response = await admin.PostAsync("/api/admin/upload", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"^无法读取上传的表单。\(the form could not be read: [^()]+\)$", await DetailAsync(response));
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();

    [Fact]
    public async Task WhenAdministrationIsOff_ShouldAnswer404ForTheApiAndThePages()
    {
        using var off = new ArchiveFactory(adminToken: null);
        using var client = off.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Token", "anything");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/admin/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/login")).StatusCode);
    }

    [Fact]
    public async Task WhenAReindexIsRequestedTwice_ShouldRefuseTheSecondWith409UntilTheFirstEnds()
    {
        using var parsing = new StageGate("parse", armed: false);
        using var held = new ArchiveFactory(indexObserver: parsing);
        using var client = held.CreateAdminClient();
        await Api.SearchAsync(client, "limit=0"); // the first index is built, past the gate
        parsing.Arm();

        using var first = await client.PostAsync("/api/admin/reindex?rebuild=true", null);
        Assert.True(parsing.WaitReached(), "the first reindex never reached its parse stage");
        using var second = await client.PostAsync("/api/admin/reindex", null);
        parsing.Release();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.EndsWith("(a reindex is already running: wait for it to finish)",
            System.Text.Json.JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var status = await WaitForReindexAsync(client);
        Assert.True(status.GetProperty("lastRun").GetProperty("committed").GetBoolean());
        using var third = await client.PostAsync("/api/admin/reindex", null);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        await WaitForReindexAsync(client);
    }

    [Fact]
    public async Task WhenAFileFailsToIndex_ShouldReportItInTheLastRun()
    {
        await File.WriteAllBytesAsync(Path.Combine(app.CorpusDirectory, "broken.md"), []);

        using var started = await admin.PostAsync("/api/admin/reindex", null);
        var status = await WaitForReindexAsync(admin);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var failed = status.GetProperty("lastRun").GetProperty("failed").EnumerateArray().ToList();
        Assert.Contains(failed, f => f.GetProperty("file").GetString() == "broken.md" && f.GetProperty("reason").GetString()!.Length > 0);
    }

    public void Dispose()
    {
        admin.Dispose();
        app.Dispose();
    }
}
