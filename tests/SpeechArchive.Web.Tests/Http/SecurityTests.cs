using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

public sealed class SecurityTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public SecurityTests() => client = app.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/search?q=x")]
    [InlineData("/speeches/nope")]
    public async Task WhenAnsweringAnything_ShouldSendTheSecurityHeaders(string url)
    {
        using var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task WhenADocumentContainsScript_ShouldRenderItAsTextInResultsAndReader()
    {
        // 2020-xss-plain.txt: a plain-text speech whose title line and body carry markup (Markdown drops inline HTML, text keeps it).
        var hit = (await SearchAsync(client, "q=" + Encode("数据泄露"))).Hits.Single();
        var results = await Html.GetAsync(client, "/?q=" + Encode("数据泄露"));
        var reader = await Html.GetAsync(client, $"/speeches/{Encode(hit.SpeechId)}?q={Encode("数据泄露")}");

        foreach (var page in new[] { results, reader })
        {
            Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));
            Assert.Empty(page.QuerySelectorAll("main b:not(.hit-pos)"));
            Assert.Contains("<script>alert(1)</script>", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("<script>alert('t')</script>", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("main img"));
        }

        Assert.Contains("<script>alert(1)</script>", results.QuerySelector("li.hit .snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenStaticFilesAreServed_ShouldComeFromThisSite()
    {
        var page = await Html.GetAsync(client, "/");

        foreach (var url in page.QuerySelectorAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")))
        {
            Assert.StartsWith("/", url, StringComparison.Ordinal);
            Assert.False(url!.StartsWith("//", StringComparison.Ordinal));
            using var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, url);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
