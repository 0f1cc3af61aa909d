using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Tests.Units;

public sealed class NoResultsAdviceTests
{
    [Fact]
    public void WhenSeveralWordsWereSearched_ShouldSuggestEachAlone()
    {
        var advice = NoResultsAdvice.For("\"量子 纠缠\" 火星 year:2020", _ => true);

        Assert.Equal(["\"量子 纠缠\"", "火星"], advice.SingleWords);
        Assert.Equal("量子 纠缠 火星", advice.Unquoted);
        Assert.Null(advice.ShorterPhrase);
    }

    [Fact]
    public void WhenOneLongPhraseWasSearched_ShouldSuggestAShorterOne()
    {
        var advice = NoResultsAdvice.For("全面从严治党永远在路上", _ => true);

        Assert.Equal("全面从严", advice.ShorterPhrase);
        Assert.Empty(advice.SingleWords);
        Assert.Null(advice.Unquoted);
    }

    [Fact]
    public void WhenASuggestionWouldFindNothingItself_ShouldNotOfferIt()
    {
        var asked = new List<string>();
        var advice = NoResultsAdvice.For("\"量子 纠缠\" 火星", q =>
        {
            asked.Add(q);
            return q == "火星";
        });

        Assert.Equal(["火星"], advice.SingleWords);
        Assert.Null(advice.Unquoted);
        Assert.Contains("量子 纠缠 火星", asked);
    }

    [Fact]
    public void WhenTheQueryDoesNotParse_ShouldSuggestNothingSpecific()
    {
        var advice = NoResultsAdvice.For("\"未闭合", _ => true);

        Assert.Empty(advice.SingleWords);
        Assert.Null(advice.ShorterPhrase);
    }
}
