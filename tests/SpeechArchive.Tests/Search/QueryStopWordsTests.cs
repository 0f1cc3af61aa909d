using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed class QueryStopWordsTests
{
    [Theory]
    [InlineData("有什么", new[] { "有", "什么" })]
    [InlineData("为什么要", new[] { "为什么", "要" })]
    [InlineData("是不是", new[] { "是不是" })]
    [InlineData("需要进一步", new[] { "需要", "进一步" })]
    public void WhenAStringIsMadeOfListedWords_ShouldCutItIntoTheFewest(string text, string[] pieces)
    {
        Assert.Equal(pieces, QueryStopWords.Split(text));
    }

    [Theory]
    [InlineData("有意义")]
    [InlineData("干部")]
    public void WhenAStringHoldsAWordNotListed_ShouldNotCutIt(string text)
    {
        Assert.Null(QueryStopWords.Split(text));
    }

    [Fact]
    public void WhenAWordIsAFiller_ShouldDropItFromQueriesButKeepItInTheMeaningModel()
    {
        // The word vectors (BaseVectors.bin) were learned with fillers in the text; leaving them out now would change every
        // vector an index makes from the committed model.
        Assert.True(QueryStopWords.Contains("以后"));
        Assert.True(QueryStopWords.IsFiller("以后"));
        Assert.False(QueryStopWords.OutOfMeaning("以后"));
        Assert.False(QueryStopWords.IsQuestionWord("以后"));

        Assert.True(QueryStopWords.OutOfMeaning("如何"));
        Assert.True(QueryStopWords.IsQuestionWord("如何"));
        Assert.False(QueryStopWords.IsFiller("如何"));
        Assert.True(QueryStopWords.OutOfMeaning("的"));
        Assert.True(QueryStopWords.OutOfMeaning("需要"));

        // A question word added for queries only: the model learned with it in the text.
        Assert.True(QueryStopWords.IsQuestionWord("怎么回事"));
        Assert.False(QueryStopWords.OutOfMeaning("怎么回事"));
    }

    [Theory]
    [InlineData("所有人")]
    [InlineData("应对")]
    [InlineData("人才")]
    public void WhenATermIsSpelledWithListedCharacters_ShouldNotBeListedItself(string term)
    {
        Assert.True(term.All(c => QueryStopWords.Contains(c.ToString())), $"every character of {term} is listed");
        Assert.True(QueryStopWords.IsTerm(term));
        Assert.False(QueryStopWords.Contains(term));
        Assert.False(QueryStopWords.OutOfMeaning(term));
    }
}
