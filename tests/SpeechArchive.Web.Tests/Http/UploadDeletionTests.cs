using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SpeechArchive.Tests;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// <c>DELETE /api/admin/uploads/{name}</c> and <c>GET /api/admin/uploads</c>: an upload deleted with the token is served until
/// the reindex it starts swaps in, then its passages are gone; without the token, by a path, by a name outside
/// <c>uploads/</c> or by a missing name nothing is deleted.
/// </summary>
public sealed class UploadDeletionTests : IDisposable
{
    private const string Name = "撤回的讲话.md";
    private const string Marker = "量子纠缠";

    private readonly ArchiveFactory app = new();
    private readonly HttpClient admin;

    public UploadDeletionTests()
    {
        // Files the deletion must never reach: one upload, hidden and foreign files in uploads/, a subfolder, a corpus file of its
        // own (not uploaded) and a file beside the corpus.
        Directory.CreateDirectory(Path.Combine(Uploads, "sub"));
        File.WriteAllText(Path.Combine(Uploads, "victim.md"), Speech("受害文件"));
        File.WriteAllText(Path.Combine(Uploads, ".secret.md"), Speech("隐藏文件"));
        File.WriteAllText(Path.Combine(Uploads, "data.json"), "{}");
        File.WriteAllText(Path.Combine(Uploads, "sub", "inner.md"), Speech("子目录"));
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "root-speech.md"), Speech("语料自有"));
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "..", "outside.md"), Speech("语料之外"));
        admin = app.CreateAdminClient();
    }

    private string Uploads => Path.Combine(app.CorpusDirectory, "uploads");

    private IEnumerable<string> Victims =>
    [
        Path.Combine(Uploads, "victim.md"), Path.Combine(Uploads, ".secret.md"), Path.Combine(Uploads, "data.json"), Path.Combine(Uploads, "sub", "inner.md"),
        Path.Combine(app.CorpusDirectory, "root-speech.md"), Path.Combine(app.CorpusDirectory, "..", "outside.md"),
    ];

    [Fact]
    public async Task WhenDeletingAnUploadWithTheToken_ShouldServeItUntilTheReindexSwapsThenDropItsPassages()
    {
        using var held = new StageGate("commit", armed: false);
        using var gated = new ArchiveFactory(indexObserver: held);
        using var client = gated.CreateAdminClient();
        using (var form = Files((Name, Utf8(Speech(Marker)))))
        {
            await JsonAsync(await client.PostAsync("/api/admin/upload?reindex=true", form));
        }

        await WaitForReindexAsync(client);
        var listed = Assert.Single(await ListAsync(client));
        var speechId = listed.GetProperty("speechId").GetString();
        Assert.Equal((Name, "uploads/" + Name), (listed.GetProperty("name").GetString(), listed.GetProperty("path").GetString()));
        Assert.Contains(Marker, listed.GetProperty("title").GetString(), StringComparison.Ordinal);
        held.Arm();

        var report = await JsonAsync(await client.DeleteAsync("/api/admin/uploads/" + Api.Encode(listed.GetProperty("name").GetString()!)));
        Assert.True(held.WaitReached(), "the reindex the deletion started never reached its commit stage");
        var during = await FindAsync(client);
        var duringSpeech = await client.GetAsync("/api/speeches/" + Api.Encode(speechId!));
        held.Release();
        var status = await WaitForReindexAsync(client);
        var after = await FindAsync(client);

        Assert.Equal("uploads/" + Name, report.GetProperty("deleted").GetString());
        Assert.True(report.GetProperty("reindexStarted").GetBoolean());
        Assert.False(File.Exists(Path.Combine(gated.CorpusDirectory, "uploads", Name)));
        Assert.Contains(during.Hits, h => h.SpeechId == speechId); // the old snapshot serves while the new one is built
        Assert.Equal(HttpStatusCode.OK, duringSpeech.StatusCode);
        Assert.Equal(1, status.GetProperty("lastRun").GetProperty("removed").GetInt32());
        Assert.True(after.Total == 0, string.Join("\n", after.Hits.Select(h => h.SpeechId + " " + h.Match + " " + h.Snippet)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/speeches/" + Api.Encode(speechId!))).StatusCode);
        Assert.Empty(await ListAsync(client));
    }

    [Fact]
    public async Task WhenTheTokenIsMissingOrWrong_ShouldRefuseAndDeleteNothing()
    {
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-" + ArchiveFactory.Token);

        using var none = await anonymous.DeleteAsync("/api/admin/uploads/victim.md");
        using var denied = await wrong.DeleteAsync("/api/admin/uploads/victim.md");
        using var list = await anonymous.GetAsync("/api/admin/uploads");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.True(File.Exists(Path.Combine(Uploads, "victim.md")));
        Assert.False((await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("running").GetBoolean());
    }

    [Theory]
    [InlineData("..%2Froot-speech.md", HttpStatusCode.BadRequest)]
    [InlineData("%2E%2E%2Froot-speech.md", HttpStatusCode.BadRequest)]
    [InlineData("..%5Croot-speech.md", HttpStatusCode.BadRequest)]
    [InlineData("..%2F..%2Foutside.md", HttpStatusCode.BadRequest)]
    [InlineData("%252E%252E%252Froot-speech.md", HttpStatusCode.BadRequest)] // encoded twice
    [InlineData("uploads%2Fvictim.md", HttpStatusCode.BadRequest)]
    [InlineData("sub%2Finner.md", HttpStatusCode.BadRequest)]
    [InlineData("{absolute}", HttpStatusCode.BadRequest)]
    [InlineData("C%3A%5Cvictim.md", HttpStatusCode.BadRequest)]
    [InlineData("victim%1B.md", HttpStatusCode.BadRequest)]
    [InlineData(".secret.md", HttpStatusCode.BadRequest)]
    [InlineData("data.json", HttpStatusCode.BadRequest)]
    [InlineData("root-speech.md", HttpStatusCode.NotFound)] // the corpus's own file, not an upload
    [InlineData("outside.md", HttpStatusCode.NotFound)]
    public async Task WhenTheNameIsAPathOrNoUploadsFile_ShouldRefuseItAndDeleteNothing(string segment, HttpStatusCode expected)
    {
        segment = segment.Replace("{absolute}", Api.Encode(Path.GetFullPath(Path.Combine(Uploads, "victim.md"))), StringComparison.Ordinal);

        using var response = await admin.DeleteAsync("/api/admin/uploads/" + segment);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected, response.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.*\([a-z][^)]*\)", problem.GetProperty("detail").GetString()); // Chinese, then English
        Assert.All(Victims, v => Assert.True(File.Exists(v), v + " was deleted"));
        Assert.False((await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task WhenTheFileIsMissing_ShouldAnswer404NamingIt()
    {
        using var response = await admin.DeleteAsync("/api/admin/uploads/" + Api.Encode("没有这篇.md"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这篇.md", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(Victims, v => Assert.True(File.Exists(v), v + " was deleted"));
    }

    [Theory]
    [InlineData("/api/admin/uploads")]
    [InlineData("/api/admin/uploads/")]
    public async Task WhenNoNameIsGiven_ShouldAnswer400SayingToNameTheFileAndDeleteNothing(string path)
    {
        using var response = await admin.DeleteAsync(path);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("请给出要删除的文件名", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("(name the file to delete: DELETE /api/admin/uploads/{name})", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(Victims, v => Assert.True(File.Exists(v), v + " was deleted"));
        Assert.False((await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("running").GetBoolean());
    }

    [Theory]
    [InlineData("/api/admin/uploads/victim.md/..", 400)]
    [InlineData("/api/admin/uploads/.", 400)]
    [InlineData("/api/admin/uploads/..", 404)] // resolved to /api/admin/, not the uploads: 404 (405 under the test host), the detail says why
    public async Task WhenKestrelResolvesDotSegmentsBeforeRouting_ShouldAnswerAProblemThatSaysSoAndDeleteNothing(string target, int status)
    {
        using var kestrel = new ArchiveFactory();
        var victim = Path.Combine(kestrel.CorpusDirectory, "uploads", "victim.md");
        Directory.CreateDirectory(Path.GetDirectoryName(victim)!);
        File.WriteAllText(victim, Speech("受害文件"));
        var address = kestrel.StartKestrel();

        var (code, headers, body) = await RawDeleteAsync(address, target); // HttpClient would resolve the dot segments itself

        Assert.True(code == status || (status == 404 && code == 405), $"{code} {headers} {body}");
        Assert.Contains("Content-Type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"路径 {target} 中的 . 与 .. 在路由之前已被解析", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(victim));
    }

    /// <summary>A DELETE of <paramref name="target"/> exactly as written, over a socket, with the token: status, headers, body.</summary>
    private static async Task<(int Status, string Headers, string Body)> RawDeleteAsync(Uri server, string target)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var request = $"DELETE {target} HTTP/1.0\r\nHost: {server.Authority}\r\nAuthorization: Bearer {ArchiveFactory.Token}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var response = await reader.ReadToEndAsync(); // HTTP/1.0: the server closes after the body
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..split];
        return (int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), head, response[(split + 4)..]);
    }

    [Fact]
    public async Task WhenListingUploads_ShouldListTheDocumentsOfUploadsOnly()
    {
        var names = (await ListAsync(admin)).Select(f => f.GetProperty("name").GetString()).ToList();

        Assert.Equal(["victim.md"], names);
    }

    private async Task<SpeechArchive.Search.SearchResult> FindAsync(HttpClient client) =>
        await Api.SearchAsync(client, "q=" + Api.Encode(Marker) + "&mode=exact&near=0&expand=0");

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        [.. (await JsonAsync(await client.GetAsync("/api/admin/uploads"))).EnumerateArray()];

    public void Dispose()
    {
        admin.Dispose();
        app.Dispose();
    }
}
