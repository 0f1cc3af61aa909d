using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>The advice when nothing is found, over the seeds' real index: every suggestion is searched and finds passages.</summary>
public sealed class NoResultsAdviceTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private bool Finds(string query, bool exact) => seeds.Search(query, limit: 0, near: false, exact: exact).Total > 0;

    private NoResultsAdvice AdviceFor(string query, bool exact = false) =>
        seeds.Searcher.Advise(new SearchRequest { Query = query, NearMatches = false, Mode = exact ? SearchMode.Exact : SearchMode.Understood });

    [Fact]
    public void WhenALongPhraseFindsNothingAsTyped_ShouldOfferTheLongestRunOfItsWordsThatFinds()
    {
        const string query = "全面从严治党永远在路上火星探测";
        Assert.Equal(0, seeds.Search(query, exact: true).Total);

        var advice = AdviceFor(query, exact: true);

        Assert.NotNull(advice.ShorterPhrase);
        Assert.True(Finds(advice.ShorterPhrase!, exact: true));
        Assert.Contains("全面从严治党", advice.ShorterPhrase, StringComparison.Ordinal);
        Assert.True(advice.ShorterPhrase!.Length > "全面从严治党".Length, $"the longest run that finds, not a shorter one: {advice.ShorterPhrase}");
    }

    [Fact]
    public void AShorterRun_ShouldNeverCutThroughAWord()
    {
        // Cut at a fixed length (the advice before), 老百姓买房难怎么办 gave 老百姓买, which cuts 买房 and finds nothing.
        var words = seeds.Searcher.WordsOf("老百姓买房难怎么办");

        var advice = AdviceFor("老百姓买房难怎么办", exact: true);

        Assert.Equal("老百姓买房难怎么办", string.Concat(words));
        var shorter = Assert.IsType<string>(advice.ShorterPhrase);
        Assert.True(Finds(shorter, exact: true));
        var starts = Enumerable.Range(0, words.Count).Select(i => string.Concat(words.Take(i)).Length).ToList();
        var at = "老百姓买房难怎么办".IndexOf(shorter, StringComparison.Ordinal);
        Assert.Contains(at, starts);
        Assert.True(at + shorter.Length == 9 || starts.Contains(at + shorter.Length), $"{shorter} ends inside a word of {string.Join('/', words)}");
        Assert.NotEqual("老百姓买", shorter);
    }

    [Fact]
    public void WhenALongPastedSentenceHoldsAWordNoSpeechHas_ShouldOfferTheLongestRunAroundIt()
    {
        // Two clauses of a seed speech joined by a word in none: the 32 longest runs all hold it, and find nothing.
        const string before = "讲私情不讲党性，讲人情不讲原则";
        const string after = "形式主义、官僚主义严重";
        var query = before + "火星探测" + after;
        Assert.True(Finds(before, exact: true) && Finds(after, exact: true));

        var advice = AdviceFor(query, exact: true);

        var shorter = Assert.IsType<string>(advice.ShorterPhrase);
        Assert.True(Finds(shorter, exact: true));
        Assert.True(shorter.Length >= after.Length, $"{shorter}: a run as long as the clauses around the unknown word");
        Assert.DoesNotContain("火星", shorter, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySuggestionButTheFirst_ShouldKeepTheFiltersAndExclusionsTypedIntoTheQuery()
    {
        var advice = AdviceFor("\"作风建设\" xyzzy year:2022 -形式主义");

        Assert.Equal(["\"作风建设\" year:2022 -形式主义"], advice.SingleWords);
        Assert.Equal("作风建设 xyzzy year:2022 -形式主义", advice.Unquoted);
        Assert.All(advice.SingleWords, s => Assert.True(Finds(s, exact: false)));
    }

    [Fact]
    public void WhenFiltersTypedIntoTheQueryLeaveNothing_ShouldOfferTheWordsWithoutThem()
    {
        const string query = "作风建设 year:1990";
        Assert.Equal(0, seeds.Search(query).Total);

        var advice = AdviceFor(query);

        var part = Assert.Single(advice.EmptiedBy); // the one filter, named, with what the words find without it
        Assert.Equal(("year:1990", "作风建设"), (part.Part, part.Query));
        Assert.Equal(seeds.Search("作风建设", limit: 0, near: false).Total, part.Total);
        Assert.Null(advice.WithoutTypedFilters); // the same query: said once
        Assert.Null(advice.ShorterPhrase);
    }

    [Fact]
    public void WhenAFieldTypedIntoTheQueryHasTwoValues_ShouldNameTheFieldWhole()
    {
        // year:1990 year:1991 are ORed: leaving out one of them cannot find more, so the field is named whole, once.
        const string query = "作风建设 year:1990 year:1991";
        Assert.Equal(0, seeds.Search(query).Total);

        var advice = AdviceFor(query);

        var part = Assert.Single(advice.EmptiedBy);
        Assert.Equal((EmptyingPart.Filter, "year", "作风建设"), (part.Kind, part.Field, part.Query));
        Assert.Equal(["1990", "1991"], part.Values);
        Assert.Null(advice.WithoutTypedFilters); // the same query: said once
    }

    [Fact]
    public void WhenSeveralWordsWereSearched_ShouldOfferOnlyThoseThatFindPassagesAlone()
    {
        var advice = AdviceFor("\"量子纠缠\" 作风建设 xyzzy");

        Assert.Equal(["作风建设"], advice.SingleWords); // the quoted phrase is in no speech, nor is xyzzy
        Assert.Equal("量子纠缠 作风建设 xyzzy", advice.Unquoted); // free text, it finds what holds 作风建设
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)> \"x\"")]
    [InlineData("\"x\" <img src=x onerror=alert(1)>")]
    [InlineData("<img src=x onerror=alert(1)>\"x\"")]
    [InlineData("<script>alert(1)</script> \"x\"")]
    [InlineData("onerror=alert(1)>")]
    public void WhenMarkupIsTyped_ShouldNeitherFindNorProposeWhatOnlyAStrayDigitMatches(string query)
    {
        // A user trial: the 1 of alert(1) was searched where nothing else was held, and onerror=alert(1)> offered as the word
        // alone that finds passages, through any number with a 1 in it.
        Assert.Equal(0, seeds.Search(query, limit: 0, near: false).Total);

        var advice = AdviceFor(query);

        Assert.Empty(advice.SingleWords);
        Assert.Null(advice.ShorterPhrase);
        Assert.Null(advice.Unquoted);
    }

    [Fact]
    public void WhenMarkupStandsBesideAWordTheArchiveHolds_ShouldOfferTheWordAndNoMarkup()
    {
        var advice = AdviceFor("<img src=x onerror=alert(1)> \"x\" 干部");

        Assert.Equal(["干部"], advice.SingleWords);
    }

    [Fact]
    public void WhenNothingLooserFindsAnything_ShouldOfferNothing()
    {
        var advice = AdviceFor("\"xyzzy plugh\" frobozz");

        Assert.True(advice.IsEmpty);
    }

    [Fact]
    public void WhenTheQueryDoesNotParse_ShouldOfferNothing()
    {
        Assert.True(AdviceFor("\"未闭合").IsEmpty);
    }
}
