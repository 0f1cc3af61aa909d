using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Tests;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// Any query string and any parameter value — random code units, lone surrogates, raw invalid UTF-8, controls, unbalanced quotes
/// and operators, 100,000 characters — gets an answer or a 400 with a message, never a 500, from the API, the search page and the reader.
/// </summary>
public sealed class HostileQueryTests : IDisposable
{
    private static readonly string[] Parameters = ["q", "theme", "year", "type", "org", "speaker", "sort", "page", "offset", "limit", "group"];

    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public HostileQueryTests() => client = app.CreateClient();

    private static Gen<string> Value { get; } = Gen.Frequency((4, HostileText.Query.Select(HostileUrl.Encode)), (1, HostileUrl.RawBytes));

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/facets")]
    public void WhenTheApiGetsAnyParameters_ShouldAnswerOr400WithADetail(string route)
    {
        var queries = Gen.Elements(Parameters).Zip(Value).ArrayOf().Resize(4).Select(p => string.Join('&', p.Select(x => x.Item1 + "=" + x.Item2)));

        PropertyRuns.Check(queries, query =>
        {
            using var response = Get(route + "?" + query);
            var body = response.Content.ReadAsStringAsync().Result;
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{route}?{query[..Math.Min(query.Length, 300)]}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            using var json = JsonDocument.Parse(body);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
            }
        }, cases: 200, endSize: 40);
    }

    [Fact]
    public async Task WhenThePagesGetAnyQuery_ShouldRenderOr400WithTheReason()
    {
        var id = Uri.EscapeDataString((await Api.SearchAsync(client, "limit=1")).Hits[0].SpeechId);
        var urls = Value.Zip(Gen.Elements("/?q=", $"/speeches/{id}?q=", "/?org=", "/?year=", "/?sort=date&page=")).Select(p => p.Item2 + p.Item1);

        PropertyRuns.Check(urls, url =>
        {
            using var response = Get(url);
            var page = Html.Parse(response.Content.ReadAsStringAsync().Result);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".error")?.TextContent), url);
            }
        }, cases: 200, endSize: 40);
    }

    [Fact]
    public void WhenASpeechIdIsAnything_ShouldAnswer404NotAnError()
    {
        // On Kestrel: the test server's client refuses some of these paths (%00) before the app sees them; Kestrel answers 414 for very long ones.
        using var kestrelApp = new ArchiveFactory();
        using var kestrel = new HttpClient { BaseAddress = kestrelApp.StartKestrel() };

        PropertyRuns.Check(Value, id =>
        {
            using var api = kestrel.GetAsync("/api/speeches/" + id).GetAwaiter().GetResult();
            using var page = kestrel.GetAsync("/speeches/" + id).GetAwaiter().GetResult();
            Assert.True((int)api.StatusCode is 200 or 400 or 404 or 414, $"/api/speeches/{id}: {(int)api.StatusCode}");
            Assert.True((int)page.StatusCode is 200 or 400 or 404 or 414, $"/speeches/{id}: {(int)page.StatusCode}");
        }, cases: 200, endSize: 30);
    }

    [Theory]
    [InlineData("/speeches/%20")]
    [InlineData("/speeches/%20%09%20")]
    [InlineData("/speeches/%E3%80%80")]
    public async Task WhenTheSpeechIdIsBlank_ShouldAnswer404(string url)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WhenTheQueryIsOneHundredThousandCharacters_ShouldAnswer400OnTheTestServerAndNeverFailOnKestrel()
    {
        var q = Api.Encode(HostileText.Repeat("作风建设 OR ", 100_000));
        using var direct = await client.GetAsync("/api/search?q=" + q);
        using var kestrelApp = new ArchiveFactory();
        using var kestrel = new HttpClient { BaseAddress = kestrelApp.StartKestrel() };

        using var overKestrel = await kestrel.GetAsync("/api/search?q=" + q);
        using var after = await kestrel.GetAsync("/api/search?q=" + Api.Encode("作风建设"));

        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains("100000", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Kestrel refuses a request line this long itself (414) before the app sees it; either way no 5xx, and it keeps serving.
        Assert.True((int)overKestrel.StatusCode is 400 or 414, $"{(int)overKestrel.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("/api/search?q=%E5%B7%A1%E8%A7%86&q=%E6%95%B4%E6%94%B9", "参数 q 给了 2 次")]
    [InlineData("/api/search?q=%E5%B7%A1%E8%A7%86&sort=date&sort=relevance", "参数 sort 给了 2 次")]
    [InlineData("/api/search?q=%D1%B2%CA%D3", "参数 q 含有无法解码的字节")] // 巡视 in GBK
    [InlineData("/api/search?q=%E5%B7%A1%E8%A7%86&org=%B2%D1", "参数 org 含有无法解码的字节")]
    [InlineData("/api/facets?q=%E5%B7%A1%E8%A7%86&q=x", "参数 q 给了 2 次")]
    [InlineData("/api/concordance?q=%E5%B7%A1%E8%A7%86&q=x", "参数 q 给了 2 次")]
    [InlineData("/api/concordance?q=%D1%B2%CA%D3", "参数 q 含有无法解码的字节")]
    [InlineData("/api/concordance?q=%E5%B7%A1%E8%A7%86&org=%B2%D1", "参数 org 含有无法解码的字节")]
    [InlineData("/api/trends?q=%E5%B7%A1%E8%A7%86&q=%E6%95%B4%E6%94%B9&year=%B2", "参数 year 含有无法解码的字节")]
    public async Task WhenAParameterIsGivenTwiceOrIsNotUtf8_TheApiShouldSaySo(string url, string detail)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detail, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?q=%E5%B7%A1%E8%A7%86&q=%E6%95%B4%E6%94%B9", "参数 q 给了 2 次")]
    [InlineData("/?q=%D1%B2%CA%D3", "参数 q 含有无法解码的字节")]
    public async Task WhenAParameterIsGivenTwiceOrIsNotUtf8_TheSearchPageShouldSaySo(string url, string error)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(error, page.QuerySelector(".error")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatableFilter_ShouldStillTakeEveryValue()
    {
        var both = await Api.SearchAsync(client, "year=2021&year=2022&limit=0");
        var one = await Api.SearchAsync(client, "year=2021&limit=0");

        Assert.True(both.Total > one.Total, $"{both.Total} with both years, {one.Total} with 2021");
    }

    private HttpResponseMessage Get(string url) => client.GetAsync(url).GetAwaiter().GetResult();

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
