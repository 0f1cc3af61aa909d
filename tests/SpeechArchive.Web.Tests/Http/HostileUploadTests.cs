using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>Zip bombs (also with a lying header), traversal, absolute and control-character names, oversized files and requests.</summary>
public sealed class HostileUploadTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient admin;

    public HostileUploadTests() => admin = app.CreateAdminClient();

    private string Uploads => Path.Combine(app.CorpusDirectory, "uploads");

    [Fact]
    public async Task WhenAZipHeaderUnderstatesWhatAnEntryInflatesTo_ShouldNeverInflateMoreThanTheHeaderAllowed()
    {
        // 30 MB of 'a' deflates to about 30 KB; the header is rewritten to claim 30 KB, so the size and ratio checks pass.
        var bomb = new byte[30 * 1024 * 1024];
        Array.Fill(bomb, (byte)'a');
        var zip = LieAboutSizes(Zip(("bomb.txt", bomb), ("ok.md", Utf8(Speech("正常文件")))), "bomb.txt", out var claimed);

        var files = await UploadAsync(Files(("lying.zip", zip)));

        Assert.True(Outcome(files, "ok.md").GetProperty("accepted").GetBoolean());
        var stored = Path.Combine(Uploads, "bomb.txt");
        Assert.True(!File.Exists(stored) || new FileInfo(stored).Length <= claimed, $"stored {new FileInfo(stored).Length} bytes, the header claimed {claimed}");
    }

    [Fact]
    public async Task WhenAZipHoldsMoreThan500Entries_ShouldRejectItWhole()
    {
        var entries = Enumerable.Range(0, 501).Select(i => ($"{i}.md", Utf8(Speech("第" + i + "篇")))).ToArray();

        var files = await UploadAsync(Files(("many.zip", Zip(entries))));

        var only = Assert.Single(files);
        Assert.False(only.GetProperty("accepted").GetBoolean());
        Assert.Contains("500", only.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Uploads));
    }

    [Fact]
    public async Task WhenAZipHoldsAZip_ShouldNotOpenTheInnerOne()
    {
        var inner = Zip(("inner.md", Utf8(Speech("内层"))));

        var files = await UploadAsync(Files(("outer.zip", Zip(("nested.zip", inner), ("outer.md", Utf8(Speech("外层")))))));

        Assert.False(Outcome(files, "nested.zip").GetProperty("accepted").GetBoolean());
        Assert.True(Outcome(files, "outer.md").GetProperty("accepted").GetBoolean());
        Assert.Equal([Path.Combine(Uploads, "outer.md")], Directory.GetFiles(Uploads));
    }

    [Fact]
    public async Task WhenZipEntryNamesEscapeOrHoldControlCharacters_ShouldStoreEachUnderUploadsWithASafeName()
    {
        var names = new[] { "../../../etc/evil1.md", "/etc/evil2.md", "C:\\Windows\\evil3.md", "\\\\server\\share\\evil4.md", "a\u0000b\u0001c.md", "..\\..\\evil5.md", "dir/../../evil6.md" };

        var files = await UploadAsync(Files(("names.zip", Zip(names.Select((n, i) => (n, Utf8(Speech("条目" + i)))).ToArray()))));

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean(), f.ToString()));
        var stored = Directory.GetFiles(Uploads).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["abc.md", "evil1.md", "evil2.md", "evil3.md", "evil4.md", "evil5.md", "evil6.md"], stored);
        Assert.DoesNotContain(Directory.GetFiles(app.CorpusDirectory, "evil*", SearchOption.AllDirectories), f => Path.GetDirectoryName(f) != Uploads);
        Assert.False(File.Exists("/etc/evil1.md"));
    }

    [Theory]
    [InlineData("a\u0000b.md", "ab.md")]
    [InlineData("\u0000.md", null)]
    [InlineData("..\u0000/..\u0000/x.md", "x.md")]
    [InlineData("\u001b[31mred.md", "[31mred.md")]
    public async Task WhenAFileNameHoldsNul_ShouldDropItOrRejectTheFile(string name, string? stored)
    {
        using var response = await admin.PostAsync("/api/admin/upload", RawMultipart(name, Utf8(Speech("空字符"))));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var file = Assert.Single((await JsonAsync(response)).GetProperty("files").EnumerateArray().ToList());
            Assert.Equal(stored is not null, file.GetProperty("accepted").GetBoolean());
            Assert.Equal(stored is null ? [] : [Path.Combine(Uploads, stored)], Directory.Exists(Uploads) ? Directory.GetFiles(Uploads) : []);
        }
    }

    [Fact]
    public async Task WhenOneDocumentIsOverFiveMegabytes_ShouldRejectItAndKeepTheOthers()
    {
        var big = Utf8(new string('要', 2_000_000)); // 6 MB of UTF-8

        var files = await UploadAsync(Files(("big.txt", big), ("small.md", Utf8(Speech("小文件")))));

        Assert.False(Outcome(files, "big.txt").GetProperty("accepted").GetBoolean());
        Assert.True(Outcome(files, "small.md").GetProperty("accepted").GetBoolean());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WhenTheRequestIsOverTheLimitOnKestrel_ShouldAnswer413AndStoreNothing(bool chunked)
    {
        using var kestrelApp = new ArchiveFactory();
        using var client = new HttpClient { BaseAddress = kestrelApp.StartKestrel() };
        client.DefaultRequestHeaders.Add("X-Admin-Token", ArchiveFactory.Token);
        var body = new MultipartFormDataContent();
        var part = chunked ? (HttpContent)new StreamContent(new MemoryStream(new byte[21 * 1024 * 1024])) : new ByteArrayContent(new byte[21 * 1024 * 1024]);
        body.Add(part, "files", "huge.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/upload") { Content = body };
        request.Headers.TransferEncodingChunked = chunked;

        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending: refused all the same.
        }

        Assert.True(response is null || response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int?)response?.StatusCode}");
        if (response is not null)
        {
            // Answered before the body was read (its length given) or by the form reader meeting Kestrel's limit (chunked):
            // Chinese first, then the English gloss, either way.
            var detail = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
            Assert.Equal("请求体超过上限 20 MB。(the request body is over the 20 MB limit)", detail);
        }

        Assert.False(Directory.Exists(Path.Combine(kestrelApp.CorpusDirectory, "uploads")));
        using var after = await client.GetAsync("/api/search?q=" + Api.Encode("作风建设"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        response?.Dispose();
    }

    [Fact]
    public async Task WhenADocumentIsInGb18030_ShouldAcceptItAndSaySoAtOnce()
    {
        var gb18030 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

        var files = await UploadAsync(Files(("gb.md", gb18030.GetBytes(Speech("国标编码"))), ("utf8.md", Utf8(Speech("统一编码")))));

        var gb = Outcome(files, "gb.md");
        Assert.True(gb.GetProperty("accepted").GetBoolean());
        Assert.Contains("GB18030", gb.GetProperty("reason").GetString(), StringComparison.Ordinal); // not only after the next reindex
        Assert.Equal(JsonValueKind.Null, Outcome(files, "utf8.md").GetProperty("reason").ValueKind);
    }

    private async Task<List<JsonElement>> UploadAsync(MultipartFormDataContent form)
    {
        using (form)
        {
            return (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();
        }
    }

    private static JsonElement Outcome(List<JsonElement> files, string entry) =>
        files.Single(f => f.GetProperty("name").GetString()!.EndsWith(entry, StringComparison.Ordinal));

    /// <summary>Rewrites the entry's uncompressed size, in its local header and the central directory, to its compressed size.</summary>
    private static byte[] LieAboutSizes(byte[] zip, string entry, out long claimed)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(entry);
        claimed = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            var (nameAt, compressedAt, sizeAt) = signature switch
            {
                0x04034b50 => (30, 18, 22),
                0x02014b50 => (46, 20, 24),
                _ => (0, 0, 0),
            };
            if (nameAt > 0 && zip.AsSpan(i + nameAt).StartsWith(name))
            {
                zip.AsSpan(i + compressedAt, 4).CopyTo(zip.AsSpan(i + sizeAt, 4));
                claimed = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i + sizeAt));
            }
        }

        Assert.InRange(claimed, 1, 1024 * 1024);
        return zip;
    }

    public void Dispose()
    {
        admin.Dispose();
        app.Dispose();
    }
}
