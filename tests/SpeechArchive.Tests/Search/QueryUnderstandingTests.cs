using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

public sealed class QueryUnderstandingTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    public static IEnumerable<object[]> NearMatches => TestData.Rows("Search/near-matches.tsv", 3);

    [Theory]
    [MemberData(nameof(NearMatches))]
    public void WhenAClauseIsHalfRemembered_ShouldRankThePassageMeantFirst(string query, string target, string kind)
    {
        var result = seeds.Search(query);

        Assert.True(result.Hits.Count > 0, $"[{kind}] {query}: no hits");
        Assert.Contains(target, result.Hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(HitMatch.Aligned, result.Hits[0].Match); // counted for its words, and first for holding the clause nearly in order
        Assert.InRange(result.Hits[0].Similarity ?? 0, 0.55, 1);
    }

    [Fact]
    public void WhenOnlyNearMatchesExist_ShouldNotCountThemInTheTotalOrTheFacets()
    {
        var result = seeds.Search("不断把党风廉建设和反腐败工作向纵推进", exact: true);

        Assert.Equal(0, result.Total);
        Assert.True(result.NearTotal > 0);
        Assert.All(result.Facets.Year, y => Assert.Equal(0, y.Count));
        Assert.All(result.Hits, h => Assert.Equal(HitMatch.Near, h.Match));
    }

    [Fact]
    public void WhenNearMatchesAreOff_ShouldReturnStrictMatchesOnly()
    {
        var result = seeds.Search("不断把党风廉建设和反腐败工作向纵推进", near: false, exact: true);

        Assert.Empty(result.Hits);
        Assert.Equal(0, result.NearTotal);
    }

    [Fact]
    public void WhenStrictMatchesExist_ShouldRankEveryOneAboveTheNearMatches()
    {
        var result = seeds.Search("全面从严治党永远在路上", limit: 50, exact: true);

        Assert.True(result.Total > 0 && result.NearTotal > 0, $"total {result.Total}, near {result.NearTotal}");
        var kinds = result.Hits.Select(h => h.Match).ToList();
        Assert.Equal(result.Total, kinds.TakeWhile(k => k != HitMatch.Near).Count());
        Assert.All(kinds.Skip(result.Total), k => Assert.Equal(HitMatch.Near, k));
        Assert.All(result.Hits.Take(result.Total), h => Assert.Contains("全面从严治党永远在路上", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAPhraseIsCommonAsWritten_ShouldNotLookForNearMatches()
    {
        var strictTotal = seeds.Search("全面从严治党", expand: false, near: false).Total;
        var bounded = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Default, new NearMatchOptions { MaxStrictTotal = strictTotal }));
        var wide = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Default, new NearMatchOptions { MaxStrictTotal = strictTotal + 1 }));

        var common = bounded.Search(new SearchRequest { Query = "全面从严治党", Expand = false });
        var notCommon = wide.Search(new SearchRequest { Query = "全面从严治党", Expand = false });

        Assert.Equal(strictTotal, common.Total);
        Assert.Equal(0, common.NearTotal);
        Assert.True(notCommon.NearTotal > 0, "below the bound the near matches are looked for");
    }

    [Fact]
    public void WhenAProbeIsLong_ShouldStillFindItsPassageWithoutTheSwapSearch()
    {
        // Longer than NearMatcher.MaxRotatedLength: aligned straight, and the passage still comes first with characters dropped.
        var sentence = Enumerable.Range(0, seeds.Snapshot.Passages.Count)
            .SelectMany(d => seeds.Snapshot.PassageText(d).Split('。', '；', '！', '？'))
            .First(s => s.Length is > 60 and < 150 && s.All(c => c is '，' or '、' or (>= '\u4e00' and <= '\u9fff')));
        var query = string.Concat(sentence.Where((_, i) => i % 20 != 7));

        var result = seeds.Search(query);

        Assert.True(result.Hits.Count > 0, query);
        Assert.Contains(sentence, result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenPagingPastTheStrictMatches_ShouldContinueWithTheNearOnes()
    {
        var all = seeds.Search("全面从严治党永远在路上", limit: 50);
        var page = seeds.Searcher.Search(new SearchRequest { Query = "全面从严治党永远在路上", Offset = all.Total - 1, Limit = 3 });

        Assert.Equal(all.Hits.Skip(all.Total - 1).Take(3).Select(h => h.PassageId), page.Hits.Select(h => h.PassageId));
    }

    [Fact]
    public void WhenAWordHasThesaurusTerms_ShouldSearchThemAndRankExactMatchesFirst()
    {
        var result = seeds.Search("四风", limit: 100);

        var expansion = Assert.Single(result.Expansions);
        Assert.Equal("四风", expansion.Term);
        Assert.Contains("形式主义", expansion.Alternatives);
        var kinds = result.Hits.Select(h => h.Match).ToList();
        var exact = kinds.TakeWhile(k => k == HitMatch.Exact).Count();
        Assert.True(exact > 0);
        Assert.Contains(HitMatch.Expanded, kinds);
        Assert.All(kinds.Skip(exact).Where(k => k != HitMatch.Near), k => Assert.Equal(HitMatch.Expanded, k));
        Assert.All(result.Hits.Take(exact), h => Assert.Contains("四风", h.Text, StringComparison.Ordinal));
        Assert.All(result.Hits.Where(h => h.Match == HitMatch.Expanded), h => Assert.DoesNotContain("四风", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenExpansionIsOff_ShouldSearchTheWordOnly()
    {
        var widened = seeds.Search("四风", limit: 100);
        var strict = seeds.Search("四风", limit: 100, expand: false);

        Assert.Empty(strict.Expansions);
        Assert.True(strict.Total < widened.Total);
        Assert.All(strict.Hits.Where(h => h.Match != HitMatch.Near), h => Assert.Contains("四风", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAWordIsQuoted_ShouldNotWidenIt()
    {
        Assert.Empty(seeds.Search("\"四风\"").Expansions);
    }

    [Fact]
    public void WhenWordsAreSeparated_ShouldRankThePassageHoldingThemTogetherFirst()
    {
        var result = seeds.Search("时刻保持政治清醒 引导党员干部");

        Assert.Contains("引导党员干部时刻保持政治清醒", result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheSearcherHasNoUnderstanding_ShouldStayStrict()
    {
        var strict = new Searcher(seeds.Snapshot).Search(new SearchRequest { Query = "四风 不断把党风廉建设", Limit = 10 });

        Assert.Empty(strict.Expansions);
        Assert.Equal(0, strict.NearTotal);
        Assert.All(strict.Hits, h => Assert.Equal(HitMatch.Exact, h.Match));
    }
}
