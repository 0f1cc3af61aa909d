using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Tests.Units;

public sealed class SearchLinksTests
{
    private static SearchLinks Links(string queryString) => new(SearchQuery.From(new QueryCollection(QueryHelpers.ParseQuery(queryString))));

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Parse(string url) => QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);

    [Fact]
    public void WhenTogglingAnUnselectedValue_ShouldAddItKeepTheRestAndGoToPageOne()
    {
        var url = Links("?q=作风&year=2021&sort=date&page=3").Toggle("year", new FacetValue("2022", "2022年", 5));

        var query = Parse(url);
        Assert.Equal(new[] { "2021", "2022" }, query["year"].Select(v => v!));
        Assert.Equal("作风", query["q"]);
        Assert.Equal("date", query["sort"]);
        Assert.False(query.ContainsKey("page"));
    }

    [Fact]
    public void WhenTheHitsFillSeveralCsvFiles_ShouldLinkEachFromItsOffsetAndStopAtTheFilesShown()
    {
        var links = Links("?q=发展&year=2021&page=3");

        var three = links.ExportFiles(2500, 1000, 10);
        var capped = links.ExportFiles(25_000, 1000, 10);

        Assert.Equal([(1, 1000), (1001, 2000), (2001, 2500)], three.Select(f => (f.From, f.To)));
        Assert.Equal([null, "1000", "2000"], three.Select(f => Parse(f.Link).TryGetValue("offset", out var o) ? o.ToString() : null));
        Assert.All(three, f => Assert.Equal(("发展", "2021", "csv"), (Parse(f.Link)["q"].ToString(), Parse(f.Link)["year"].ToString(), Parse(f.Link)["format"].ToString())));
        Assert.All(three, f => Assert.False(Parse(f.Link).ContainsKey("page"))); // the page shown is not the file's start
        Assert.Equal(10, capped.Count);
        Assert.Equal(10_000, capped[^1].To);
    }

    [Fact]
    public void WhenTogglingASelectedValue_ShouldRemoveItByIdOrLabel()
    {
        var url = Links("?theme=反腐倡廉&theme=conduct").Toggle("theme", new FacetValue("integrity", "反腐倡廉", 2, Selected: true));

        Assert.Equal(new[] { "conduct" }, Parse(url)["theme"].Select(v => v!));
    }

    [Fact]
    public void WhenFilterValuesHaveSpacesOrQuotes_ShouldBecomeOneQuotedEngineFilter()
    {
        var query = SearchQuery.From(new QueryCollection(QueryHelpers.ParseQuery("?org=市 人社局&theme=integrity")));

        Assert.Equal(["theme:integrity", "org:\"市 人社局\""], query.Filters());
    }

    [Theory]
    [InlineData("罚款会被罚吗", "罚", new[] { "罚款", "罚" }, "罚款会被 吗")]
    [InlineData("丢了工作怎么办", "丢工作", new[] { "丢工作" }, "怎么办")]
    [InlineData("吸过毒的人还能开车吗", "吸毒", new[] { "吸毒", "开车" }, "的人还能开车吗")]
    [InlineData("作风建设 纪律", "纪律", new[] { "作风建设", "纪律" }, "作风建设")]
    public void WhenAWordOfTheReadingIsRemoved_ShouldTakeItOutAsTheQuerySpellsItAndNowhereElse(string q, string word, string[] words, string expected)
    {
        var url = Links("?q=" + Uri.EscapeDataString(q) + "&year=2021").WithoutWord(word, words);

        var query = Parse(url);
        Assert.Equal(expected, query["q"]);
        Assert.Equal("2021", query["year"]);
    }

    [Theory]
    [InlineData("?q=罚款会被罚吗 year:2021 theme:conduct&year=2019&sort=date-asc&noform=警示教育&page=3")]
    [InlineData("?q=丢了工作怎么办&type=prohibition&group=1&expand=0&near=0&fold=0&mode=exact")]
    [InlineData("?year=2018..2022&org=市 人社局")]
    [InlineData("?q=a%26b%3Dc%2Bd %E2%80%AE 作风")]
    public void WhenALinkIsWrittenLessItsQuery_ShouldLeadWhereTheWholeLinkLeads(string queryString)
    {
        var links = Links(queryString);
        var q = links.Query.Q;
        var year = new FacetValue("2021", "2021年", 3, Selected: q?.Contains("year:2021", StringComparison.Ordinal) == true);
        SearchLink[] all =
        [
            links.Toggle("year", year), links.Toggle("year", new FacetValue("2020", "2020年", 2)), links.Toggle("theme", new FacetValue("conduct", "作风建设", 2, Selected: true)),
            links.Remove("year", "2019"), links.ClearFilters(), links.WithSort("date-desc"), links.WithGrouping(true), links.WithPage(2),
            links.WithExpansion(false), links.WithNearMatches(true), links.WithFolding(false), links.WithExact(true),
            links.WithoutWord("罚", ["罚款", "罚"]), links.WithoutWord("丢工作", ["丢工作"]), links.WithWordReplaced("作风", "风气"),
            links.WithoutFormulation("警示教育"), links.WithFormulation("警示教育"), links.Export(2000), links.Here(3), links.WithQuery("新的 查询"),
        ];

        Assert.All(all, link =>
        {
            Assert.Equal(link.Href, SearchLink.Follow(q, link.To));
            Assert.DoesNotContain("q=", link.To.Replace("qedit=", "", StringComparison.Ordinal), StringComparison.Ordinal); // the query is the form's
        });
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("//example.org/")]
    [InlineData("/speeches/x")]
    [InlineData("/?qedit=unknown&qedit=x")]
    [InlineData("/?qedit=replace&qedit=only-one")]
    public void WhenAButtonNamesNoPageItMayLeadTo_ShouldFollowNothing(string to) => Assert.Null(SearchLink.Follow("作风", to));

    [Theory]
    [InlineData("/?year=2019&page=2", "作风 建设", "/?q=%E4%BD%9C%E9%A3%8E%20%E5%BB%BA%E8%AE%BE&year=2019&page=2")]
    [InlineData("/concordance?sort=right", "作风", "/concordance?q=%E4%BD%9C%E9%A3%8E&sort=right")]
    [InlineData("/?q=%E5%88%AB%E7%9A%84&year=2019", "作风", "/?q=%E5%88%AB%E7%9A%84&year=2019")] // an older link's own query stays
    public void WhenTheReaderLeadsBack_ShouldPutItsQueryBackIntoTheWayBack(string back, string q, string expected) =>
        Assert.Equal(expected, SearchLinks.BackTo(back, q));

    [Fact]
    public void TheReadersLink_ShouldCarryTheQueryOncePercentEncodedAndItsWayBackLessIt()
    {
        const string q = "作风 a&b+“建设”\u202e\u3000";
        var url = SearchLinks.Reader("s-1", q, 4, back: "/?q=" + Uri.EscapeDataString(q) + "&year=2019");

        Assert.Equal("/speeches/s-1?q=%E4%BD%9C%E9%A3%8E%20a%26b%2B%E2%80%9C%E5%BB%BA%E8%AE%BE%E2%80%9D%E2%80%AE%E3%80%80&back=%2F%3Fyear%3D2019#p-5", url); // any client sends it as written
        Assert.Equal(q, Parse(url.Split('#')[0])["q"]);
    }

    [Fact]
    public void TheReadersLinkOfALongQuery_ShouldCarryItOnceAsAnIri()
    {
        var q = string.Concat(Enumerable.Repeat("作风 a&b+“建设”\u202e\u3000", 8)); // past SearchLink.LongestLinkedQuery
        var url = SearchLinks.Reader("s-1", q, 4, back: "/?q=" + Uri.EscapeDataString(q) + "&year=2019");

        Assert.StartsWith("/speeches/s-1?q=作风%20a%26b%2B“建设”%E2%80%AE%E3%80%80作风", url, StringComparison.Ordinal); // a right-to-left override and a space encoded
        Assert.EndsWith("&back=%2F%3Fyear%3D2019#p-5", url, StringComparison.Ordinal);
        Assert.Equal(q, Parse(url.Split('#')[0])["q"]);
    }

    [Fact]
    public void WhenChangingThePage_ShouldKeepEveryOtherParameter()
    {
        var url = Links("?q=a&type=prohibition&group=1").WithPage(2);

        var query = Parse(url);
        Assert.Equal("2", query["page"]);
        Assert.Equal("prohibition", query["type"]);
        Assert.Equal("1", query["group"]);
    }
}
