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
