using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

public sealed class SearchApiTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public SearchApiTests() => client = app.CreateClient();

    [Fact]
    public async Task WhenASpeechNamesItsSpeaker_ShouldGiveItOnEachHitAsTheFilterReadsIt()
    {
        var all = await SearchAsync(client, "limit=100&group=1");
        var spoken = all.Hits.Where(h => h.Speaker is not null).ToList();

        Assert.NotEmpty(spoken);
        Assert.Contains(all.Hits, h => h.Speaker is null);
        foreach (var hit in spoken)
        {
            var filtered = await SearchAsync(client, "speaker=" + Encode(hit.Speaker!) + "&limit=100");
            Assert.Contains(filtered.Hits, h => h.SpeechId == hit.SpeechId);
            Assert.All(filtered.Hits, h => Assert.Contains(hit.Speaker!, h.Speaker, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WhenSearching_ShouldAnswerTheCliJsonShape()
    {
        var json = await client.GetStringAsync("/api/search?q=" + Encode("作风建设") + "&limit=3");

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        foreach (var field in new[] { "query", "total", "totalSpeeches", "tookMs", "offset", "limit", "hits", "facets", "searched" })
        {
            Assert.True(root.TryGetProperty(field, out _), "missing " + field);
        }

        Assert.Equal(3, root.GetProperty("limit").GetInt32());
        Assert.InRange(root.GetProperty("hits").GetArrayLength(), 1, 3);
        Assert.Contains("作风建设", json, StringComparison.Ordinal); // Chinese unescaped, as JsonDefaults writes it
    }

    [Fact]
    public async Task WhenPagingWithOffsetOrPage_ShouldReturnTheSameSlice()
    {
        var byOffset = await SearchAsync(client, "sort=date&limit=4&offset=4");
        var byPage = await SearchAsync(client, "sort=date&limit=4&page=2");
        var all = await SearchAsync(client, "sort=date&limit=8");

        Assert.Equal(all.Hits.Skip(4).Select(h => h.PassageId), byOffset.Hits.Select(h => h.PassageId));
        Assert.Equal(byOffset.Hits.Select(h => h.PassageId), byPage.Hits.Select(h => h.PassageId));
    }

    [Fact]
    public async Task WhenGrouping_ShouldReturnOneHitPerSpeech()
    {
        var result = await SearchAsync(client, "q=" + Encode("要") + "&group=true&limit=50");

        Assert.Equal(result.Hits.Count, result.Hits.Select(h => h.SpeechId).Distinct().Count());
        Assert.Equal(result.TotalSpeeches, result.Total);
    }

    [Fact]
    public async Task WhenAskingForFacets_ShouldCountDrillSideways()
    {
        var all = await SearchAsync(client, "limit=0");
        var theme = all.Facets.Theme[0];

        var facets = await client.GetFromJsonAsync<SpeechArchive.Search.SearchFacets>("/api/facets?theme=" + theme.Value, SpeechArchive.Search.JsonDefaults.Options);

        Assert.Equal(all.Facets.Theme.Select(t => (t.Value, t.Count)), facets!.Theme.Select(t => (t.Value, t.Count)));
        Assert.True(facets.Theme.Single(t => t.Value == theme.Value).Selected);
        Assert.True(facets.Year.Sum(y => y.Count) <= all.Facets.Year.Sum(y => y.Count));
    }

    [Fact]
    public async Task WhenAskingForTheHitsAsCsv_ShouldSendEveryHitInOrderWithItsTextAndACitation()
    {
        using var seeded = new ArchiveFactory(withSeeds: true);
        using var seededClient = seeded.CreateClient();
        var query = "q=" + Encode("干部") + "&near=0";
        var json = await SearchAsync(seededClient, query + "&limit=100");

        using var response = await seededClient.GetAsync("/api/search?" + query + "&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvText.Rows(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        var header = rows[0];
        Assert.InRange(json.Total, 11, 100); // more than the JSON's first page, all of them in one file
        Assert.Equal(json.Hits.Select(h => h.PassageId), rows.Skip(1).Select(r => r[header.IndexOf("passage_id")]));
        Assert.Equal(json.Hits.Select(h => h.Text), rows.Skip(1).Select(r => r[header.IndexOf("text")]));
        Assert.All(rows.Skip(1), r => Assert.StartsWith("《", r[header.IndexOf("citation")], StringComparison.Ordinal));
        Assert.Equal($"检索_干部_1-{json.Hits.Count}.csv", response.Content.Headers.ContentDisposition!.FileNameStar); // which search, which rows
        Assert.Equal(Enumerable.Range(1, json.Hits.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task TheSearchPage_ShouldLinkToTheSameSearchAsCsv()
    {
        var html = await client.GetStringAsync("/?q=" + Encode("作风建设") + "&year=2022&sort=date");

        var page = Html.Parse(html);
        var link = await Html.TargetAsync(client, page, page.QuerySelector(".export")!);
        Assert.StartsWith("/api/search?", link, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a.export[download]")); // a short query's: a link the browser downloads
        using var response = await client.GetAsync(Html.Href(page, page.QuerySelector(".export")!));
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        Assert.Equal(["作风建设", "2022", "date-desc", "csv"], new[] { query["q"][0]!, query["year"][0]!, query["sort"][0]!, query["format"][0]! }); // the explicit word
    }

    [Fact]
    public async Task WhenSortingByDate_ShouldTakeEitherDirectionExplicitlyAndReadDateAsNewestFirst()
    {
        var newest = await SearchAsync(client, "sort=date-desc&limit=60&group=1");
        var oldest = await SearchAsync(client, "sort=date-asc&limit=60&group=1");
        var alias = await SearchAsync(client, "sort=date&limit=60&group=1");

        var keys = newest.Hits.Select(DateKey).ToList();
        Assert.True(keys.Distinct().Count() > 1, "the fixture's speeches have several dates");
        Assert.Equal(keys.OrderDescending(StringComparer.Ordinal), keys);
        Assert.Equal(oldest.Hits.Select(DateKey).OrderBy(k => k.Length == 0).ThenBy(k => k, StringComparer.Ordinal), oldest.Hits.Select(DateKey)); // undated last, as newest first has them
        Assert.Equal(newest.Hits.Select(h => h.PassageId), alias.Hits.Select(h => h.PassageId));
    }

    private static string DateKey(SpeechArchive.Search.SearchHit hit) =>
        hit.Date ?? hit.Year?.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    [Fact]
    public async Task WhenFetchingASpeech_ShouldAnswerItsView()
    {
        var hit = (await SearchAsync(client, "q=" + Encode("警示教育"))).Hits[0];

        var speech = await SpeechAsync(client, hit.SpeechId);

        Assert.Equal(hit.SpeechId, speech.Id);
        Assert.Contains(speech.Passages, p => p.Id == hit.PassageId);
    }

    [Theory]
    [InlineData("/api/search?q=%22", "标点")]
    [InlineData("/api/search?theme=no-such-theme", "no-such-theme")]
    [InlineData("/api/search?page=abc", "page")]
    [InlineData("/api/search?limit=-1", "limit")]
    [InlineData("/api/search?sort=sideways", "sideways")]
    [InlineData("/api/search?category=%E6%8A%A5%E5%91%8A", "未知的类别“报告”")]
    [InlineData("/api/facets?category=%E6%8A%A5%E5%91%8A", "未知的类别“报告”")]
    [InlineData("/api/search?year=20x2", "20x2")]
    [InlineData("/api/facets?q=-", "-")]
    [InlineData("/api/search?q=%E4%BD%9C%E9%A3%8E&group=yes", "group=“yes”")]
    [InlineData("/api/search?q=%E4%BD%9C%E9%A3%8E&expand=2", "expand=“2”")]
    [InlineData("/api/facets?q=%E4%BD%9C%E9%A3%8E&near=maybe", "near=“maybe”")]
    [InlineData("/api/search?q=%E4%BD%9C%E9%A3%8E&offset=100001", "0 到 100000")]
    [InlineData("/api/search?q=%E4%BD%9C%E9%A3%8E&page=2000&limit=100", "page=“2000”")]
    public async Task WhenTheInputIsBad_ShouldAnswer400ProblemDetails(string url, string detailMentions)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detailMentions, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenASwitchIsWrittenAsDotNetWritesABool_ShouldReadIt()
    {
        var grouped = await SearchAsync(client, "q=" + Encode("作风") + "&group=True");
        var asOne = await SearchAsync(client, "q=" + Encode("作风") + "&group=1");

        Assert.Equal(asOne.Total, grouped.Total);
        Assert.Equal(asOne.TotalSpeeches, grouped.Total); // grouped: one hit per speech
    }

    [Fact]
    public async Task WhenTheSpeechIsUnknown_ShouldAnswer404ProblemDetails()
    {
        using var response = await client.GetAsync("/api/speeches/" + Encode("../../etc/passwd"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("passwd", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenFetchingTheOpenApiDocument_ShouldDescribeTheApi()
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/facets", "/api/speeches/{id}", "/api/admin/reindex", "/api/admin/upload" })
        {
            Assert.True(paths.TryGetProperty(path, out _), "missing " + path);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
