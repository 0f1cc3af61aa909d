using System.Globalization;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>Issue 14, items 1 and 7: categories under a Chinese label of their own; filters typed into the query undone from the facets.</summary>
public sealed class FacetLabelTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public FacetLabelTests()
    {
        var reports = Path.Combine(app.CorpusDirectory, "reports");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "gwr.txt"), "2015年政府工作报告\n\n要坚持全面从严治党，持续深化作风建设，坚决纠治“四风”。\n");
        File.WriteAllText(Path.Combine(reports, "MANIFEST.tsv"), "file\ttitle\tyear\tcategory\ngwr.txt\t2015年政府工作报告\t2015\tgovernment_work_report\n");
        client = app.CreateClient();
    }

    [Fact]
    public async Task WhenASpeechHasOnlyACategory_ShouldShowItsChineseLabelAsACategoryAndNeverTheRawId()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设"));

        var categories = page.QuerySelector("section.facet[aria-label=类别]");
        Assert.NotNull(categories);
        Assert.Contains(categories.QuerySelectorAll(".label"), l => l.TextContent == "政府工作报告");
        Assert.DoesNotContain(page.QuerySelectorAll("section.facet[aria-label=单位] .label"), l => l.TextContent.Contains("政府工作报告", StringComparison.Ordinal));
        Assert.DoesNotContain("government_work_report", page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var hit = (await SearchAsync(client, "q=" + Encode("作风建设") + "&category=" + Encode("政府工作报告"))).Hits.Single();
        Assert.Null(hit.Organization);
        Assert.Equal("政府工作报告", hit.Category);
        var reader = await Html.GetAsync(client, "/speeches/" + Encode(hit.SpeechId));
        Assert.DoesNotContain("government_work_report", reader.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(reader.QuerySelectorAll(".speech-meta dt"), dt => dt.TextContent == "类别");
        var csv = await client.GetStringAsync("/api/concordance?format=csv&q=" + Encode("作风建设"));
        Assert.DoesNotContain("government_work_report", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenUncheckingAYearOfATypedRange_ShouldSearchTheRestOfTheRangeAndShowIt()
    {
        var years = (await SearchAsync(client, "q=" + Encode("要"))).Facets.Year
            .Select(y => int.Parse(y.Value, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.True(years.Count >= 3, "the fixture corpus needs three years");
        var (from, to) = (years[0], years[^1]);
        var dropped = years[1];
        var url = "/?q=" + Encode($"要 year:{from}..{to}");
        var page = await Html.GetAsync(client, url);

        var box = page.QuerySelector($".facet-value[data-facet=year][data-value='{dropped}']");
        Assert.NotNull(box);
        Assert.Contains("selected", box.ClassName, StringComparison.Ordinal);
        var href = Html.Href(page, box);
        Assert.NotEqual(url, href);
        var after = await Html.GetAsync(client, href);

        var selected = after.QuerySelectorAll(".facet-value.selected[data-facet=year]").Select(a => int.Parse(a.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(years.Where(y => y != dropped), selected.Order());
        Assert.DoesNotContain("year:", after.QuerySelector("#q")!.GetAttribute("value"), StringComparison.Ordinal);
        var counts = (await SearchAsync(client, "q=" + Encode("要"))).Facets.Year.Where(y => y.Value != dropped.ToString(CultureInfo.InvariantCulture)).Sum(y => y.Count);
        Assert.Equal(counts, Html.Total(after));
        Assert.NotEmpty(after.QuerySelectorAll(".chips .chip:not(.clear)"));
    }

    [Theory]
    [InlineData("year:{0}..{1}")]
    [InlineData("year：{0}..{1}")] // the colon a Chinese input method types
    public async Task WhenUncheckingAYearOfARangeTypedEitherWay_ShouldLeaveTheQueryWithoutIt(string typed)
    {
        var years = (await SearchAsync(client, "q=" + Encode("要"))).Facets.Year.Select(y => y.Value).Order(StringComparer.Ordinal).ToList();
        var url = "/?q=" + Encode("要 " + string.Format(CultureInfo.InvariantCulture, typed, years[0], years[^1]));
        var page = await Html.GetAsync(client, url);

        var href = Html.Href(page, page.QuerySelector($".facet-value[data-facet=year][data-value='{years[^1]}']")!);
        var after = await Html.GetAsync(client, href);

        Assert.NotEqual(url, href);
        Assert.Equal("要", after.QuerySelector("#q")!.GetAttribute("value"));
        Assert.DoesNotContain(after.QuerySelectorAll(".facet-value.selected[data-facet=year]"), a => a.GetAttribute("data-value") == years[^1]);
    }

    [Theory]
    [InlineData("/api/search?q={0}&category={1}")]
    [InlineData("/api/search?q={0}%20category%3A{1}")]
    [InlineData("/api/concordance?q={0}&category={1}")]
    public async Task WhenACategoryIsNotTheArchives_ShouldAnswer400NamingItAndTheArchivesCategories(string template)
    {
        using var response = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, template, Encode("作风建设"), Encode("报告")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("未知的类别“报告”，可选：政府工作报告（类别名或其编号，须完全一致）。(unknown category '报告')", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WhenTheSearchIsFilteredBySpeaker_ShouldSayWhichSpeechesTheFilterCannotReach()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设") + "&speaker=" + Encode("区委书记"));
        var result = await SearchAsync(client, "q=" + Encode("作风建设") + "&speaker=" + Encode("区委书记"));

        Assert.True(result.Total > 0);
        var note = page.QuerySelector("p.filter-note")!;
        Assert.Contains("本库 8 篇讲话中有 6 篇没有记录讲话人", note.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", note.QuerySelector("span[lang]")!.GetAttribute("lang"));
        Assert.Equal(note.TextContent, Assert.Single(result.FilterNotes));
        Assert.Null((await Html.GetAsync(client, "/?q=" + Encode("作风建设"))).QuerySelector("p.filter-note"));
    }

    [Fact]
    public async Task WhenABareYearIsTypedAmongTheWords_ShouldOfferTheSameSearchWithTheYearAsAFilterCountedAsItWouldBeSearched()
    {
        // A user trial typed 生态环境保护 2020: the year is searched as a word, which few passages about the topic say.
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设 2015"));
        var result = await SearchAsync(client, "q=" + Encode("作风建设 2015"));

        var hint = Assert.Single(result.YearFilters);
        Assert.Equal((2015, "作风建设 year:2015"), (hint.Year, hint.Query));
        var link = page.QuerySelector("p.year-hint a")!;
        var linked = await SearchAsync(client, link.GetAttribute("href")!.Split('?', 2)[1]);
        Assert.Equal("作风建设 year:2015", linked.Query);
        Assert.Equal(hint.Results, linked.Total);
        Assert.True(linked.Total > 0);
        Assert.All(linked.Hits, h => Assert.Equal(2015, h.Year));
        Assert.Contains($"（{linked.Total} 条结果）", page.QuerySelector("p.year-hint")!.TextContent, StringComparison.Ordinal);

        // Each spelling of the year leaves the query it offers.
        Assert.Equal("作风建设 year:2015", Assert.Single((await SearchAsync(client, "q=" + Encode("作风建设 2015 2015年"))).YearFilters).Query);

        // No result of the year, a year chosen already (typed in any spelling, or a facet box), or nothing but the year:
        // nothing to offer (with a box for 2022 ticked, its link had searched 2015 and 2022 together under 只看 2015 年).
        Assert.Empty((await SearchAsync(client, "q=" + Encode("作风建设 1990"))).YearFilters);
        Assert.Empty((await SearchAsync(client, "q=" + Encode("作风建设 2015 year:2022"))).YearFilters);
        Assert.Empty((await SearchAsync(client, "q=" + Encode("作风建设 2015 year：2022"))).YearFilters);
        Assert.Empty((await SearchAsync(client, "q=" + Encode("作风建设 2015") + "&year=2022")).YearFilters);
        Assert.Null((await Html.GetAsync(client, "/?q=" + Encode("作风建设 2015") + "&year=2022")).QuerySelector("p.year-hint"));
        Assert.Null((await Html.GetAsync(client, "/?q=" + Encode("作风建设"))).QuerySelector("p.year-hint"));
    }

    [Fact]
    public async Task WhenTheSearchPageGetsAnUnknownCategory_ShouldSayWhichAndListTheArchivesCategories()
    {
        using var response = await client.GetAsync("/?q=" + Encode("作风建设") + "&category=" + Encode("报告"));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var error = page.QuerySelector(".error")!.TextContent;
        Assert.Contains("未知的类别“报告”", error, StringComparison.Ordinal);
        Assert.Contains("政府工作报告", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q={0}&org={1}", "人设局", "未知的单位 org:“人设局”：本库没有单位包含它（本库 8 篇讲话中有 4 篇没有记录单位，按单位筛选不到它们）。相近的有：市人社局。(unknown org '人设局'; 4 of the 8 speeches record no org)")]
    [InlineData("/api/facets?q={0}%20org%3A{1}", "人设局", "未知的单位 org:“人设局”：本库没有单位包含它（本库 8 篇讲话中有 4 篇没有记录单位，按单位筛选不到它们）。相近的有：市人社局。(unknown org '人设局'; 4 of the 8 speeches record no org)")]
    [InlineData("/api/concordance?q={0}&speaker={1}", "县委书记", "未知的讲话人 speaker:“县委书记”：本库没有讲话人包含它（本库 8 篇讲话中有 6 篇没有记录讲话人，按讲话人筛选不到它们）。相近的有：区委书记、局党组书记。(unknown speaker '县委书记'; 6 of the 8 speeches record no speaker)")]
    [InlineData("/api/search?q={0}&org={1}", "政府工作报告", "未知的单位 org:“政府工作报告”：本库没有单位包含它，“政府工作报告”是类别，请用 category:政府工作报告（网址参数 category=政府工作报告）。(unknown org '政府工作报告': it is a category)")]
    public async Task WhenAnOrganisationOrSpeakerIsNotTheArchives_ShouldAnswer400NamingItAndTheNearestValues(string template, string value, string detail)
    {
        using var response = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, template, Encode("作风建设"), Encode(value)));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WhenTheSearchPageGetsAnUnknownOrganisation_ShouldSayWhichInItsErrorAsText()
    {
        using var response = await client.GetAsync("/?q=" + Encode("作风建设") + "&org=" + Encode("人设局<i>x</i>"));
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var error = page.QuerySelector(".error")!;
        Assert.Contains("未知的单位 org:“人设局<i>x</i>”", error.TextContent, StringComparison.Ordinal);
        Assert.Empty(error.QuerySelectorAll("i"));
        Assert.DoesNotContain("<i>x", html, StringComparison.Ordinal);
        using var nearResponse = await client.GetAsync("/?q=" + Encode("作风建设") + "&org=" + Encode("人设局"));
        var near = Html.Parse(await nearResponse.Content.ReadAsStringAsync());
        Assert.Contains("相近的有：市人社局。", near.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenACategoryIsSelectedByItsId_ShouldShowItsLabelAndUncheckIt()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设") + "&category=government_work_report");

        var box = page.QuerySelector(".facet-value.selected[data-facet=category]")!;
        var chip = page.QuerySelectorAll(".chips .chip:not(.clear)").Single();
        var after = await Html.FollowAsync(client, page, box);

        Assert.Equal("类别：政府工作报告", chip.TextContent.Replace("×", "", StringComparison.Ordinal).Trim());
        Assert.Empty(after.QuerySelectorAll(".facet-value.selected[data-facet=category]"));
    }

    [Fact]
    public async Task WhenUncheckingOneOfTwoTypedValuesOfAField_ShouldKeepTheOther()
    {
        var themes = (await SearchAsync(client, "q=" + Encode("要"))).Facets.Theme.Take(2).ToList();
        var page = await Html.GetAsync(client, "/?q=" + Encode($"要 theme:{themes[0].Value} theme:{themes[1].Value}"));

        var href = Html.Href(page, page.QuerySelector($".facet-value.selected[data-facet=theme][data-value='{themes[0].Value}']")!);
        var after = await Html.GetAsync(client, href);

        Assert.Equal($"要 theme:{themes[1].Value}", after.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task WhenAListIsFilteredWithoutWords_ShouldListPassagesNotSpeeches()
    {
        var theme = (await SearchAsync(client, "limit=0")).Facets.Theme[0];

        var page = await Html.GetAsync(client, "/?theme=" + theme.Value);

        Assert.Equal(theme.Count, Html.Total(page));
    }

    [Fact]
    public async Task WhenClearingAllFilters_ShouldTakeOutTypedFiltersAndKeepTheWords()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设 year:2015..2022 org:人社局") + "&theme=conduct");

        var clear = Html.Href(page, page.QuerySelector(".chips .chip.clear")!);
        var cleared = await Html.GetAsync(client, clear);

        Assert.Equal("作风建设", cleared.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Empty(cleared.QuerySelectorAll(".chips .chip"));
    }

    [Fact]
    public async Task WhenAYearFilterIsTypedInFullWidthLetters_ShouldShowItsChipAndClearIt()
    {
        // ｙｅａｒ：２０２２, as an input method types it: the engine reads year 2022, and the page shows and undoes it like year:2022.
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设 ｙｅａｒ：２０２２"));

        var chip = page.QuerySelectorAll(".chips .chip:not(.clear)").Single();
        Assert.Equal("年份：2022年（检索框内）", chip.TextContent.Replace("×", "", StringComparison.Ordinal).Trim()); // as year:2022 typed
        Assert.Equal(["2022"], page.QuerySelectorAll(".facet-value.selected[data-facet=year]").Select(a => a.GetAttribute("data-value")));
        var cleared = await Html.GetAsync(client, Html.Href(page, page.QuerySelector(".chips .chip.clear")!));
        Assert.Equal("作风建设", cleared.QuerySelector("#q")!.GetAttribute("value"));
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
