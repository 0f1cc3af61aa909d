using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>The years the trends page's theme table shows (<c>from</c>, <c>to</c>) over an archive spanning 1921–2025.</summary>
public sealed class TrendsRangeTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public TrendsRangeTests()
    {
        SyntheticCorpus.WriteYears(Path.Combine(app.CorpusDirectory, "years"), SyntheticCorpus.LongSpan);
        client = app.CreateClient();
    }

    [Fact]
    public async Task WhenAPhraseNeverOccurs_ShouldSaySoBesideTheFlatLineAndOfferASearch()
    {
        var page = await Html.GetAsync(client, "/trends?q=" + Encode("作风建设") + "&q=" + Encode("怎样防止干部腐败"));

        var notices = page.QuerySelectorAll(".trend-absent");
        var notice = Assert.Single(notices); // 作风建设 occurs: no notice for it
        Assert.Contains("怎样防止干部腐败", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/?q=" + Uri.EscapeDataString("怎样防止干部腐败"), notice.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WhenNoRangeIsAsked_ShouldShowTheNewestTwentyYearsNewestFirstAndSaySo()
    {
        var data = await DataYearsAsync();
        var page = await Html.GetAsync(client, "/trends?q=" + Encode("作风建设"));

        var newest = data.Max();
        Assert.Equal(data.Where(y => y > newest - 20).OrderDescending(), HeatYears(page));
        var shown = page.QuerySelector("#theme-trend .range-shown")!.TextContent;
        Assert.Contains($"{newest - 19}–{newest} 年", shown, StringComparison.Ordinal);
        Assert.Contains($"{data.Min()}–{newest} 年", shown, StringComparison.Ordinal);
        Assert.Equal("近20年", page.QuerySelector("#theme-trend .presets a.current")!.TextContent);

        // 全部 shows every year, newest first, and keeps the phrase.
        var all = page.QuerySelectorAll("#theme-trend .presets a").Single(a => a.TextContent == "全部").GetAttribute("href")!;
        Assert.Contains("q=" + Encode("作风建设"), all, StringComparison.Ordinal);
        Assert.Equal(data.OrderDescending(), HeatYears(await Html.GetAsync(client, all)));
    }

    [Fact]
    public async Task WhenARangeIsAsked_ShouldShowOnlyItsYearsAndKeepItWhenDrawingOtherPhrases()
    {
        var data = await DataYearsAsync("?theme=conduct");
        var page = await Html.GetAsync(client, "/trends?q=" + Encode("作风建设") + "&theme=conduct&from=1955&to=1964");

        var years = HeatYears(page);
        Assert.Equal(data.Where(y => y is >= 1955 and <= 1964).OrderDescending(), years);
        Assert.DoesNotContain(1954, years);
        Assert.DoesNotContain(1965, years);
        Assert.Contains("1955–1964 年", page.QuerySelector("#theme-trend .range-shown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1955", "1964"], new[] { "from", "to" }.Select(n => page.QuerySelector($"form.trend-form input[type=hidden][name={n}]")!.GetAttribute("value")));
        Assert.Equal(["1955", "1964"], new[] { "from", "to" }.Select(n => page.QuerySelector($"form.range-form input[name={n}]")!.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("form.range-form input[type=hidden][name=theme][value=conduct]"));

        // Each cell still searches its theme in its year; the CSV behind the table is every year's.
        foreach (var row in page.QuerySelectorAll("#theme-trend tbody tr"))
        {
            var cells = row.QuerySelectorAll("td").Skip(1).ToList();
            Assert.Equal(years.Count, cells.Count);
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i].QuerySelector("a")?.GetAttribute("href") is { } href)
                {
                    Assert.Contains("theme=" + row.GetAttribute("data-theme"), href, StringComparison.Ordinal);
                    Assert.Contains("year=" + years[i].ToString(CultureInfo.InvariantCulture), href, StringComparison.Ordinal);
                }
            }
        }

        var csv = page.QuerySelector("#theme-trend a.csv")!;
        Assert.DoesNotContain("from=", csv.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("全部年份", csv.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=abc", "from=“abc”")]
    [InlineData("from=1960.5&to=", "from=“1960.5”")]
    [InlineData("to=-3", "to=“-3”")]
    [InlineData("from=99999999999", "from=“99999999999”")]
    public async Task WhenAYearIsNoYear_ShouldSayItWasIgnoredAndShowTheDefault(string range, string named)
    {
        var data = await DataYearsAsync();
        using var response = await client.GetAsync("/trends?" + range);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(named, page.QuerySelector("#theme-trend .range-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(data.Where(y => y > data.Max() - 20).OrderDescending(), HeatYears(page));
    }

    [Fact]
    public async Task WhenTheYearsAreReversed_ShouldSwapThem()
    {
        var page = await Html.GetAsync(client, "/trends?from=1964&to=1955");

        Assert.Equal(Enumerable.Range(1955, 10).Reverse(), HeatYears(page));
        Assert.Contains("1955–1964", page.QuerySelector("#theme-trend .range-notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheRangeHoldsNoData_ShouldSaySoAndOfferEveryYear()
    {
        var page = await Html.GetAsync(client, "/trends?from=2100");

        Assert.Null(page.QuerySelector("#theme-trend table.heat"));
        Assert.Contains("没有带年份的段落", page.QuerySelector("#theme-trend .range-shown")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelectorAll("#theme-trend .presets a").SingleOrDefault(a => a.TextContent == "全部"));
    }

    /// <summary>The years with passages, as the API gives them for the filters in <paramref name="query"/>.</summary>
    private async Task<List<int>> DataYearsAsync(string query = "")
    {
        var api = await client.GetFromJsonAsync<JsonElement>("/api/trends/themes" + query);
        var passages = api.GetProperty("passages").EnumerateArray().Select(p => p.GetInt32()).ToList();
        var years = api.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).Where((_, i) => passages[i] > 0).ToList();
        Assert.True(years.Min() < 1960 && years.Max() >= 2025, $"years {years.Min()}–{years.Max()}");
        return years;
    }

    private static List<int> HeatYears(IDocument page) =>
        page.QuerySelectorAll("#theme-trend table.heat thead th").Skip(2).Select(th => int.Parse(th.TextContent, CultureInfo.InvariantCulture)).ToList();

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
