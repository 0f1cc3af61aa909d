using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A word that starts or ends with a Chinese numeral is not matched inside a longer number: 十大 (the tenth congress, 十大关系)
/// is no part of 二十大, and 五日内 none of 十五日内, though the postings of their character pairs hold both.
/// </summary>
public sealed class NumeralWordTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Searcher searcher;

    public NumeralWordTests()
    {
        folder.Write("corpus/1973-shida.md", """
            ---
            title: 学习党的十大文件的讲话
            date: 1973-09-10
            ---
            同志们：党的十大在我们党的历史上将有深远的影响，各级组织要认真学习十大文件。
            """);
        folder.Write("corpus/2022-ershida.md", """
            ---
            title: 迎接党的二十大的动员讲话
            date: 2022-03-10
            ---
            同志们：要以优异成绩迎接党的二十大胜利召开，党的二十大是一次十分重要的大会。

            ## 一、深入学习贯彻党的二十大精神

            对举报材料，应当在十五日内作出处理决定。
            """);
        searcher = folder.IndexAndSearch();
    }

    [Theory]
    [InlineData("十大")]
    [InlineData("\"十大\"")]
    [InlineData("党的十大")]
    public void ANumeralWord_ShouldNotBeFoundInsideALongerNumber(string query)
    {
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.DoesNotContain("二十大", h.Snippet.Replace("<mark>", "").Replace("</mark>", ""), StringComparison.Ordinal));
    }

    [Fact]
    public void TheLongerNumber_ShouldStillBeFound()
    {
        var result = searcher.Search(new SearchRequest { Query = "二十大", NearMatches = false });

        Assert.Equal(1, result.Total);
    }

    [Fact]
    public void AHeadingHoldingALongerNumber_ShouldNotBeAHit()
    {
        var result = searcher.Search(new SearchRequest { Query = "\"十大精神\"", NearMatches = false });

        Assert.Equal(0, result.Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "\"二十大精神\"", NearMatches = false }).Total);
    }

    [Fact]
    public void ADeadlineInDays_ShouldNotMatchALongerOne()
    {
        var result = searcher.Search(new SearchRequest { Query = "\"五日内\"", NearMatches = false });

        Assert.Equal(0, result.Total);
    }

    public void Dispose() => folder.Dispose();
}
