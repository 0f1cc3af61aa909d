namespace SpeechArchive.Web.Tests.Http;

/// <summary>The API docs page (/api/docs) draws the OpenAPI document: every operation with its parameters and answers, in the site's layout.</summary>
public sealed class ApiDocsPageTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public ApiDocsPageTests() => client = app.CreateClient();

    [Fact]
    public async Task TheDocsPage_ShouldShowEveryOperationOfTheDocumentUnderOneH1()
    {
        using var doc = await OpenApiDocument.GetAsync(client);
        var page = await Html.GetAsync(client, "/api/docs");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.All(doc.Operations, o =>
        {
            var section = page.GetElementById("op-" + o.Id);
            Assert.True(section is not null, $"no section for {o}");
            Assert.Equal(o.Method + " " + o.Path, Squeeze(section!.QuerySelector("h3")!.TextContent));
            var rows = section.QuerySelectorAll("table.api-fields th[scope=row] code").Select(c => c.TextContent).ToList();
            Assert.Equal(o.ParameterNames, rows);
            var answers = section.QuerySelectorAll("table.api-responses th[scope=row]").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(o.Responses.Order(StringComparer.Ordinal), answers);
            Assert.Contains(o.Path, page.QuerySelector("main nav")!.TextContent, StringComparison.Ordinal);
        });
        foreach (var path in doc.Root.GetProperty("paths").EnumerateObject())
        {
            Assert.Contains(page.QuerySelectorAll("main h3 code"), c => c.TextContent == path.Name);
        }
    }

    [Fact]
    public async Task TheDocsPage_ShouldSayWhichOperationsNeedTheTokenAndDescribeTheirSchemas()
    {
        var page = await Html.GetAsync(client, "/api/docs");

        Assert.Contains("需要管理令牌", page.GetElementById("op-AdminReindex")!.QuerySelector(".access")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("无需认证", page.GetElementById("op-Search")!.QuerySelector(".access")!.TextContent, StringComparison.Ordinal);
        var limit = page.GetElementById("op-Concordance")!.QuerySelectorAll("table.api-fields tr").Single(r => r.QuerySelector("code")?.TextContent == "limit");
        Assert.Contains("0 到 5000", limit.TextContent, StringComparison.Ordinal);
        var link = page.GetElementById("op-Search")!.QuerySelector("table.api-responses a[href='#schema-SearchResult']");
        Assert.NotNull(link);
        Assert.NotNull(page.GetElementById("schema-SearchResult"));
        Assert.All(page.QuerySelectorAll("a[href^='#']"), a => Assert.True(page.GetElementById(a.GetAttribute("href")![1..]) is not null, "dangling " + a.GetAttribute("href")));
    }

    [Fact]
    public async Task TheDocsPage_ShouldNeedNoInlineScriptOrStyle()
    {
        var page = await Html.GetAsync(client, "/api/docs");

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.All(page.QuerySelectorAll("input, select, textarea"), i => Assert.NotNull(page.QuerySelector($"label[for='{i.Id}']")));
    }

    [Fact]
    public async Task TheHelpPage_ShouldLinkToTheDocsPageAndTheDocument()
    {
        var page = await Html.GetAsync(client, "/help");

        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/docs", links);
        Assert.Contains("/openapi/v1.json", links);
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
