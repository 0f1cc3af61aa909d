using System.Net;
using System.Net.Sockets;
using System.Text;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// The search page's controls on the real server: for a short query plain links (open in a new tab, copy the address, the
/// pager's rel="prev"/"next", the export's download), for a long one buttons of the form that carries the query once
/// (<see cref="LongQueryPageTests"/>); a result's link that any client can send as written.
/// </summary>
public sealed class SearchPageLinksTests : IDisposable
{
    private readonly ArchiveFactory app = new(withSeeds: true);
    private readonly Uri address;
    private readonly HttpClient client;

    public SearchPageLinksTests()
    {
        address = app.StartKestrel();
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    [Fact]
    public async Task WhenTheQueryIsShort_ShouldWriteItsControlsAsLinksTheServerAnswersAsTheyAre()
    {
        var page = await Html.GetAsync(client, "/?group=0&q=" + Encode("作风"));

        var controls = page.QuerySelectorAll(".facet-value, .year-bar, .sort > a, .sort > button, .pager a, .pager button, .export, .remove-word, .chip").ToList();
        Assert.Empty(page.QuerySelectorAll("button[form=here]"));
        Assert.NotEmpty(page.QuerySelectorAll("a.facet-value"));
        Assert.NotEmpty(page.QuerySelectorAll(".histogram a.year-bar"));
        Assert.All(controls, c => Assert.Equal("a", c.LocalName));
        Assert.Equal("下一页", page.QuerySelector(".pager a[rel=next]")?.TextContent);
        Assert.NotNull(page.QuerySelector("a.export[download]"));
        Assert.Equal("true", page.QuerySelector(".sort a.current")!.GetAttribute("aria-current"));
        foreach (var link in controls.Where(c => !c.ClassList.Contains("export")).Take(12).Append(page.QuerySelector(".pager a[rel=next]")!))
        {
            using var response = await client.GetAsync(link.GetAttribute("href")); // no redirect: the link is the page's address
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link.GetAttribute("href")} answered {(int)response.StatusCode}");
        }

        var next = await Html.GetAsync(client, page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal("上一页", next.QuerySelector(".pager a[rel=prev]")?.TextContent);
        Assert.Equal("作风", next.QuerySelector("#q")!.GetAttribute("value"));
        var selected = await Html.GetAsync(client, page.QuerySelector("a.facet-value[data-facet=year]")!.GetAttribute("href")!);
        Assert.Equal("true", selected.QuerySelector("a.facet-value.selected")!.GetAttribute("aria-current"));
        Assert.Null(selected.QuerySelector("a.facet-value:not(.selected)")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task WhenTheQueryIsLong_ShouldWriteItsControlsAsButtonsTheServerRedirectsToTheWholeAddress()
    {
        var q = string.Concat(Enumerable.Repeat("全面从严治党作风建设", 7)); // 70 characters, past SearchLink.LongestLinkedQuery
        var page = await Html.GetAsync(client, "/?q=" + Encode(q));

        var facets = page.QuerySelectorAll(".facet-value").ToList();
        Assert.NotEmpty(facets);
        Assert.All(facets, f => Assert.Equal("button", f.LocalName));
        Assert.All(page.QuerySelectorAll(".sort > a, .sort > button"), s => Assert.Equal("button", s.LocalName));
        Assert.Empty(page.QuerySelectorAll("[rel=prev], [rel=next], [download]"));

        using var response = await client.GetAsync(Html.Href(page, facets[0]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var whole = response.Headers.Location!.OriginalString;
        Assert.Equal("/?q=" + Encode(q) + "&" + facets[0].GetAttribute("data-facet") + "=" + Encode(facets[0].GetAttribute("data-value")!), whole);
        var filtered = await Html.GetAsync(client, whole);
        Assert.Equal(q, filtered.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal("true", filtered.QuerySelector(".facet-value.selected")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task AResultsLinkSentAsWritten_ShouldBeAnsweredAsByABrowser()
    {
        var page = await Html.GetAsync(client, "/?year=2019..2024&q=" + Encode("作风建设"));
        var link = page.QuerySelector("li.hit h3 a")!.GetAttribute("href")!;

        var status = await RawGetAsync(link.Split('#')[0]); // as curl sends a copied link: the bytes of the href, not re-encoded

        Assert.Equal(200, status); // raw UTF-8 in the request line: Kestrel's blank 400
        Assert.True(link.All(char.IsAscii), link);
        var reader = await Html.GetAsync(client, link);
        Assert.NotEmpty(reader.QuerySelectorAll("mark"));
        Assert.Contains("year=2019..2024", WebUtility.UrlDecode(reader.QuerySelector("p.back a")!.GetAttribute("href")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/admin")]
    public async Task ABadTarget_ShouldBeRefusedWithTheQueryStillInTheBox(string to)
    {
        using var response = await client.GetAsync("/?q=" + Encode("作风 建设") + "&to=" + Encode(to));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("参数 to", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("作风 建设", page.QuerySelector("#q")!.GetAttribute("value"));
    }

    /// <summary>The status of a GET of <paramref name="target"/> written into the request line byte for byte (UTF-8).</summary>
    private async Task<int> RawGetAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var line = await reader.ReadLineAsync() ?? "";
        return int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
