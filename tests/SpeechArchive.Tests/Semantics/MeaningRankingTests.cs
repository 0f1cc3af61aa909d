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
        // 公款吃喝 is said as 吃喝 in few passages; the vectors bring the ones about 铺张浪费 and 公务接待 in.
        var words = seeds.Search("公款大吃大喝", limit: 20, expand: false, near: false);
        var meaning = seeds.Search("公款大吃大喝", limit: 20, near: false);

        Assert.True(meaning.Total >= words.Total);
        Assert.Contains(meaning.Hits, h => h.Text.Contains("浪费", StringComparison.Ordinal) || h.Text.Contains("接待", StringComparison.Ordinal));
    }
}
