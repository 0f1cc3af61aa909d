using SpeechArchive.Search;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Search;

public sealed class SearcherTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void WhenSearchingAPhrase_ShouldFindItAndHighlightIt()
    {
        var result = index.Search("全面从严治党永远在路上");

        var hit = Assert.Single(result.Hits);
        Assert.Equal("在区纪委全会上的讲话", hit.Title);
        Assert.Contains("<mark>全面从严治党永远在路上</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenPhraseIsTypedWithoutThePunctuationOfTheText_ShouldStillMatch()
    {
        var result = index.Search("不敢腐不能腐不想腐");

        Assert.Equal(["在2022年党风廉政建设工作会议上的讲话", "在党史学习教育动员会上的讲话"], result.Hits.Select(h => h.Title).Order().ToList());
        Assert.Contains(result.Hits, h => h.Snippet.Contains("<mark>不敢腐、不能腐、不想腐</mark>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("作风建设😀", "作风建设★")]
    [InlineData("😀作风建设", "★作风建设")]
    [InlineData("作风😀建设", "作风★建设")]
    [InlineData("全面从严治党🇨🇳永远在路上", "全面从严治党★★永远在路上")]
    public void WhenAQueryHoldsAnEmoji_ShouldReadItAsASymbolOfTheFirstPlaneIsRead(string withEmoji, string withStar)
    {
        var emoji = index.Search(withEmoji);
        var star = index.Search(withStar);

        Assert.True(star.Total > 0);
        Assert.Equal(star.Total, emoji.Total);
        Assert.Equal(star.Hits.Select(h => (h.PassageId, h.Match)), emoji.Hits.Select(h => (h.PassageId, h.Match)));
        Assert.Equal(star.Reading is null, emoji.Reading is null);
    }

    [Fact]
    public void WhenAQueryHoldsOnlyEmoji_ShouldRefuseItAsSymbolsButKeepIdeographsBeyondTheFirstPlane()
    {
        var refused = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse("😀👍"));

        Assert.Contains("只有标点或符号", refused.Message, StringComparison.Ordinal);
        Assert.Equal("𠮷野家", QueryParser.SymbolsAsPunctuation("𠮷野家")); // U+20BB7, a plane-2 ideograph, stays Han
        Assert.Equal("作风、、", QueryParser.SymbolsAsPunctuation("作风😀"));
    }

    [Fact]
    public void WhenAYearIsSelected_ShouldReturnOnlyThatYearButCountOtherYearsDrillSideways()
    {
        var all = index.Search("作风建设");
        var filtered = index.Search("作风建设 year:2022");

        Assert.NotEmpty(filtered.Hits);
        Assert.All(filtered.Hits, h => Assert.Equal(2022, h.Year));
        Assert.True(all.Total > filtered.Total);
        Assert.Equal(all.Facets.Year.Select(y => (y.Value, y.Count)), filtered.Facets.Year.Select(y => (y.Value, y.Count)));
        Assert.True(filtered.Facets.Year.Single(y => y.Value == "2022").Selected);
        Assert.Equal(filtered.Total, filtered.Facets.Year.Single(y => y.Value == "2022").Count);
    }

    [Fact]
    public void WhenExcludingAWord_ShouldDropPassagesContainingIt()
    {
        var with = index.Search("作风建设");
        var without = index.Search("作风建设 -宣传");

        Assert.Contains(with.Hits, h => h.Text.Contains("宣传", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Hits, h => h.Text.Contains("宣传", StringComparison.Ordinal));
        Assert.Equal(with.Total - 1, without.Total);
    }

    [Fact]
    public void WhenWordsAreJoinedByOr_ShouldMatchEither()
    {
        var result = index.Search("公款吃喝 OR 礼品礼金");

        Assert.Equal(2, result.Total);
        Assert.Equal([2019, 2022], result.Hits.Select(h => h.Year ?? 0).Order().ToList());
    }

    [Fact]
    public void WhenWordsAreSeparated_ShouldRequireAllInAnyOrder()
    {
        var a = index.Search("形式主义 作风建设");
        var b = index.Search("作风建设 形式主义");

        var hit = Assert.Single(a.Hits);
        Assert.Equal(hit.PassageId, Assert.Single(b.Hits).PassageId);
    }

    [Fact]
    public void WhenFilteringByOrganisationOrSpeaker_ShouldKeepOnlyThoseSpeeches()
    {
        Assert.All(index.Search("作风 org:人社局").Hits, h => Assert.Equal("市人社局", h.Organization));
        Assert.All(index.Search("作风 speaker:区委书记").Hits, h => Assert.Equal("在区纪委全会上的讲话", h.Title));
        Assert.NotEmpty(index.Search("作风 speaker:区委书记").Hits);
    }

    [Fact]
    public void WhenTheWordIsInAHeading_ShouldRankThatPassageAboveAPassingMention()
    {
        var result = index.Search("作风建设");

        var underHeading = result.Hits.ToList().FindIndex(h => h.Section.Contains("持续加强作风建设", StringComparison.Ordinal));
        var passing = result.Hits.ToList().FindIndex(h => h.Title.Contains("宣传思想", StringComparison.Ordinal));
        Assert.InRange(underHeading, 0, passing - 1);
    }

    [Fact]
    public void WhenPaging_ShouldReturnTheNextHitsOfTheSameRanking()
    {
        var full = index.Searcher.Search(new SearchRequest { Query = "作风", Limit = 50 });
        var second = index.Searcher.Search(new SearchRequest { Query = "作风", Offset = 1, Limit = 2 });

        Assert.Equal(full.Hits.Skip(1).Take(2).Select(h => h.PassageId), second.Hits.Select(h => h.PassageId));
        Assert.Equal(full.Total, second.Total);
    }

    [Fact]
    public void WhenGroupingBySpeech_ShouldReturnOneHitPerSpeech()
    {
        var grouped = index.Searcher.Search(new SearchRequest { Query = "作风", GroupBySpeech = true, Limit = 50 });

        Assert.Equal(grouped.Hits.Count, grouped.Hits.Select(h => h.SpeechId).Distinct().Count());
        Assert.Equal(grouped.TotalSpeeches, grouped.Total);
        Assert.All(grouped.Hits, h => Assert.True(h.PassagesInSpeech >= 1));
    }

    [Fact]
    public void WhenSortingByDate_ShouldPutTheNewestFirst()
    {
        var result = index.Searcher.Search(new SearchRequest { Query = "作风", Sort = SearchSort.DateDescending, Limit = 50 });

        var years = result.Hits.Select(h => h.Year ?? 0).ToList();
        Assert.Equal(years.OrderDescending(), years);
    }

    [Fact]
    public void WhenTheQueryIsEmpty_ShouldBrowseEveryPassage()
    {
        var result = index.Search("");

        Assert.Equal(index.Snapshot.Passages.Count, result.Total);
    }

    [Fact]
    public void WhenTextContainsMarkup_ShouldEscapeItInSnippets()
    {
        var result = index.Search("数据泄露");

        var hit = Assert.Single(result.Hits);
        Assert.DoesNotContain("<script", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>数据泄露</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAFilterNamesAnUnknownTheme_ShouldRefuseWithTheKnownOnes()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => index.Search("作风 theme:nonsense"));

        Assert.Contains("nonsense", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenASingleCharacterIsSearched_ShouldFindItInsideWords()
    {
        var result = index.Search("腐");

        Assert.True(result.Total >= 3);
        Assert.All(result.Hits, h => Assert.Contains("腐", h.Text, StringComparison.Ordinal));
    }
}
