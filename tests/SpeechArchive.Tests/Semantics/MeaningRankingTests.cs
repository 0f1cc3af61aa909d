using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Semantics;

/// <summary>Free text ranked by meaning too (the base word vectors over the seed speeches).</summary>
public sealed class MeaningRankingTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenAQuestionIsAsked_ShouldSayItRankedByMeaningAndCountWhatMeaningAdded()
    {
        var result = seeds.Search("怎样防止干部腐败", limit: 500, near: false);

        var reading = result.Reading!;
        Assert.True(reading.MeaningSearched);
        Assert.Equal(reading.ByMeaning, result.Hits.Count(h => h.Match == HitMatch.Meaning));
        Assert.Equal(result.Total, result.Hits.Count);
    }

    [Fact]
    public void WhenExpansionsAreOff_ShouldRankByTheWordsOnly()
    {
        var result = seeds.Search("怎样防止干部腐败", limit: 500, expand: false, near: false);

        Assert.False(result.Reading!.MeaningSearched);
        Assert.Equal(0, result.Reading.ByMeaning);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Meaning);
    }

    [Fact]
    public void WhenAPassageHoldsThePhraseAsWritten_ShouldStayAboveEveryPassageFoundByMeaning()
    {
        var result = seeds.Search("党风廉政建设和反腐败工作", limit: 500, near: false);

        var reading = result.Reading!;
        Assert.True(reading.AsWritten > 0);
        Assert.All(result.Hits.Take(reading.AsWritten), h => Assert.NotEqual(HitMatch.Meaning, h.Match));
        var lastAsWritten = result.Hits.ToList().FindLastIndex(h => h.Match == HitMatch.Exact);
        var firstMeaning = result.Hits.ToList().FindIndex(h => h.Match == HitMatch.Meaning);
        Assert.True(firstMeaning < 0 || firstMeaning > lastAsWritten, $"a meaning hit at {firstMeaning} above an as-written one at {lastAsWritten}");
    }

    [Fact]
    public void WhenTheQuerySharesNoWordWithAPassage_ShouldStillFindPassagesAboutIt()
    {
        // The seed speeches hardly say 公款 or 大吃大喝: the words (as typed, no thesaurus) find one passage, on 作风; the
        // vectors bring in the passages on 四风 and 廉政, which say none of the query's words, and the first stays among them.
        // The formulation the statement is read as (四风, whose passages say none of its words either) is left out, so that
        // what is found is meaning's.
        var words = seeds.Search("公款大吃大喝", limit: 100, expand: false, near: false);
        var read = seeds.Search("公款大吃大喝", limit: 1, near: false).Reading!.Formulations;
        var meaning = seeds.Searcher.Search(new SearchRequest { Query = "公款大吃大喝", Limit = 100, NearMatches = false, WithoutFormulations = read });

        Assert.True(meaning.Total > words.Total);
        Assert.Contains(meaning.Hits.Take(10), h => h.Match == HitMatch.Meaning && !h.Text.Contains("公款", StringComparison.Ordinal)
            && (h.Text.Contains("四风", StringComparison.Ordinal) || h.Text.Contains("廉政", StringComparison.Ordinal)));
        Assert.All(words.Hits, w => Assert.Contains(meaning.Hits, h => h.PassageId == w.PassageId));
    }
}
