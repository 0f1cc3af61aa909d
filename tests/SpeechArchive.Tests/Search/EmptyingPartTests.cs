using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The advice when an exclusion or a filter empties the result (<see cref="NoResultsAdvice.EmptiedBy"/>), over a small archive
/// in which every passage holding 钉钉子精神 also holds 落实, and other passages hold 精神 alone (and one 党的建设).
/// </summary>
public sealed class EmptyingPartTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Searcher searcher;

    public EmptyingPartTests()
    {
        temp.Write("corpus/a.md", "---\ntitle: 在作风建设会议上的讲话\nspeaker: 张明\nyear: 2021\ndate: 2021-03-02\n---\n\n同志们：\n\n"
            + "我们要以钉钉子精神抓好整改落实，一件一件抓，一年接着一年干。\n\n"
            + "要弘扬伟大建党精神，坚定理想信念，凝聚奋进力量。\n");
        temp.Write("corpus/b.md", "---\ntitle: 在年中工作会议上的讲话\nyear: 2022\ndate: 2022-07-08\n---\n\n同志们：\n\n"
            + "各级干部要以钉钉子精神推动各项任务落实落地，一件一件抓，确保取得实效。\n\n"
            + "学习贯彻会议精神，要同解决实际问题结合起来，同推动改革发展结合起来。\n\n"
            + "要全面推进党的建设新的伟大工程，把党的建设摆在突出位置。\n");
        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") });
        searcher = new Searcher(IndexSnapshot.Load(temp.Combine("index")), QueryUnderstanding.Default);
    }

    public void Dispose() => temp.Dispose();

    private SearchResult Search(string query, params string[] filters) =>
        searcher.Search(new SearchRequest { Query = query, Filters = filters, NearMatches = false, Advise = true });

    private int Count(EmptyingPart part) =>
        searcher.Search(new SearchRequest { Query = part.Query, Filters = part.Filters, NearMatches = false, Limit = 0 }).Total;

    [Fact]
    public void WhenAnExclusionRemovesEveryPassageTheQueryFinds_ShouldNameItWithWhatTheQueryFindsWithoutIt()
    {
        var result = Search("以钉钉子精神 -落实");

        Assert.Equal(0, result.Total);
        var advice = Assert.IsType<NoResultsAdvice>(result.Advice);
        var part = Assert.Single(advice.EmptiedBy);
        Assert.Equal(EmptyingPart.Exclusion, part.Kind);
        Assert.Equal("-落实", part.Part);
        Assert.Equal(["落实"], part.Values);
        Assert.Equal("以钉钉子精神", part.Query);
        Assert.True(part.Total > 0);
        Assert.Equal(Count(part), part.Total); // exact for what the proposal finds

        // The words are not what to change: no run of them (子精神 -落实, which finds any 精神 without 落实) is offered.
        Assert.Null(advice.ShorterPhrase);
    }

    [Fact]
    public void WhenAQueryOfFiltersAloneFindsNothing_ShouldNameTheFieldWithoutWhichTheOthersFind()
    {
        var result = Search("speaker:张明 year:2022"); // 张明 spoke in 2021

        Assert.Equal(0, result.Total);
        var advice = Assert.IsType<NoResultsAdvice>(result.Advice);
        Assert.True(advice.FiltersOnly);
        Assert.Equal(["speaker:张明", "year:2022"], advice.EmptiedBy.Select(p => p.Part));
        Assert.Equal(["year:2022", "speaker:张明"], advice.EmptiedBy.Select(p => p.Query)); // no blank left where the words were
        Assert.All(advice.EmptiedBy, p => Assert.Equal(Count(p), p.Total));
    }

    [Fact]
    public void WhenAQueryOfOneFilterFindsNothing_ShouldProposeNoEmptyQuery()
    {
        var result = Search("year:2020");

        Assert.Equal(0, result.Total);
        var advice = Assert.IsType<NoResultsAdvice>(result.Advice);
        Assert.True(advice.FiltersOnly);
        Assert.Empty(advice.EmptiedBy); // without it, nothing is asked: the facets name the years that have passages
        Assert.False(Search("以钉钉子精神 year:2020").Advice!.FiltersOnly);
    }

    [Fact]
    public void WhenTheSelectionsAloneFindNothing_ShouldNameTheOneWithoutWhichTheOthersFind()
    {
        var two = Search("", "speaker:张明", "year:2022"); // the page's facets, no words typed
        var one = Search("", "year:2020");

        Assert.Equal(0, two.Total);
        var advice = Assert.IsType<NoResultsAdvice>(two.Advice);
        Assert.True(advice.FiltersOnly);
        Assert.Equal([EmptyingPart.Selection, EmptyingPart.Selection], advice.EmptiedBy.Select(p => p.Kind));
        Assert.Equal(["speaker:张明", "year:2022"], advice.EmptiedBy.Select(p => p.Part));
        Assert.All(advice.EmptiedBy, p => Assert.Equal(Count(p), p.Total));
        Assert.True(Assert.IsType<NoResultsAdvice>(one.Advice).FiltersOnly);
        Assert.Empty(one.Advice!.EmptiedBy);
    }

    [Fact]
    public void WhenEveryExclusionAloneLeavesNothing_ShouldNameThemTogether()
    {
        var result = Search("以钉钉子精神 -落实 -一件一件"); // both passages hold both

        var part = Assert.Single(Assert.IsType<NoResultsAdvice>(result.Advice).EmptiedBy);
        Assert.Equal(EmptyingPart.Exclusions, part.Kind);
        Assert.Equal("-落实 -一件一件", part.Part);
        Assert.Equal(["落实", "一件一件"], part.Values);
        Assert.Equal("以钉钉子精神", part.Query);
        Assert.Equal(Count(part), part.Total);
    }

    [Fact]
    public void WhenAFilterTypedIntoTheQueryLeavesNothing_ShouldNameItWithWhatTheQueryFindsWithoutIt()
    {
        var result = Search("以钉钉子精神 year:2020");

        Assert.Equal(0, result.Total);
        var advice = Assert.IsType<NoResultsAdvice>(result.Advice);
        var part = Assert.Single(advice.EmptiedBy);
        Assert.Equal((EmptyingPart.Filter, "year:2020", "year"), (part.Kind, part.Part, part.Field));
        Assert.Equal(["2020"], part.Values);
        Assert.Equal("以钉钉子精神", part.Query);
        Assert.Equal(Count(part), part.Total);
        Assert.True(part.Total > 0);
        Assert.Null(advice.WithoutTypedFilters); // the same query: said once
        Assert.Null(advice.ShorterPhrase);
    }

    [Fact]
    public void WhenOneOfTwoFiltersLeavesNothing_ShouldNameThatOneOnly()
    {
        var theme = Search("以钉钉子精神").Hits.SelectMany(h => h.Themes).First();
        var query = $"以钉钉子精神 year:2020 theme:{theme}";

        var advice = Assert.IsType<NoResultsAdvice>(Search(query).Advice);

        var part = Assert.Single(advice.EmptiedBy); // without theme: it is still 2020, which holds nothing
        Assert.Equal("year:2020", part.Part);
        Assert.Equal($"以钉钉子精神 theme:{theme}", part.Query);
        Assert.Equal(Count(part), part.Total);
    }

    [Fact]
    public void WhenAFilterOfTheRequestLeavesNothing_ShouldNameItWithTheFiltersWithoutIt()
    {
        var result = Search("以钉钉子精神", "year:2020");

        Assert.Equal(0, result.Total);
        var part = Assert.Single(Assert.IsType<NoResultsAdvice>(result.Advice).EmptiedBy);
        Assert.Equal((EmptyingPart.Selection, "year"), (part.Kind, part.Field));
        Assert.Equal(["2020"], part.Values);
        Assert.Equal("以钉钉子精神", part.Query);
        Assert.Empty(part.Filters);
        Assert.Equal(Count(part), part.Total);
    }

    [Fact]
    public void WhenTheSearchFindsPassagesOrAdviceIsNotAsked_ShouldCarryNoAdvice()
    {
        Assert.Null(Search("以钉钉子精神").Advice);
        Assert.Null(searcher.Search(new SearchRequest { Query = "以钉钉子精神 -落实", NearMatches = false }).Advice);
    }

    [Fact]
    public void WhenAFieldOfTheRequestHasSeveralValues_ShouldNameTheWholeField()
    {
        // The values of one field are ORed: leaving out one of them only narrows the result, so the field is tried whole.
        var result = Search("以钉钉子精神", "year:2019", "year:2020");

        var part = Assert.Single(Assert.IsType<NoResultsAdvice>(result.Advice).EmptiedBy);
        Assert.Equal((EmptyingPart.Selection, "year"), (part.Kind, part.Field));
        Assert.Equal(["2019", "2020"], part.Values);
        Assert.Empty(part.Filters);
        Assert.Equal(Count(part), part.Total);
    }

    [Fact]
    public void WhenOnlyAnExclusionAndAFilterTogetherLeaveNothing_ShouldOfferTheWordsAlone()
    {
        // Without -落实 it is still 2020; without year:2020 every passage still holds 落实.
        var result = Search("以钉钉子精神 -落实 year:2020");

        var advice = Assert.IsType<NoResultsAdvice>(result.Advice);
        var part = Assert.Single(advice.EmptiedBy);
        Assert.Equal(EmptyingPart.Everything, part.Kind);
        Assert.Equal("以钉钉子精神", part.Query);
        Assert.Empty(part.Filters);
        Assert.Equal(Count(part), part.Total);
        Assert.True(part.Total > 0);
        Assert.Null(advice.WithoutTypedFilters); // it keeps -落实 and finds nothing
    }

    [Fact]
    public void WhenAPhraseFindsNothing_ShouldOfferARunThatBeginsOnASingleCharacterWord()
    {
        // 党 is a word on its own: 卫星党的建设 offers 党的建设, not only 卫星 (a rule against single characters beside others
        // refused it).
        var words = searcher.WordsOf("卫星党的建设");
        Assert.Contains("党", words);

        var advice = searcher.Advise(new SearchRequest { Query = "卫星党的建设", NearMatches = false, Mode = SearchMode.Exact });

        Assert.Equal("党的建设", advice.ShorterPhrase);
    }
}
