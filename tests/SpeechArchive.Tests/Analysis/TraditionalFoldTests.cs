using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Analysis;

/// <summary>
/// Traditional characters fold to simplified ones in indexing and querying alike (TraditionalFold.tsv): a speech printed in
/// traditional characters (the 1954 government work report) is found by a simplified query, and a query typed in
/// traditional characters finds simplified text; what is shown is the text as printed.
/// </summary>
public sealed class TraditionalFoldTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Searcher searcher;

    public TraditionalFoldTests()
    {
        folder.Write("corpus/1954-report.md", """
            ---
            title: 一九五四年政府工作報告
            date: 1954-09-23
            ---
            我們必須用全力來實現憲法所規定的我們在過渡時期的總任務，而這裏最主要的事情，就是發展生產。
            """);
        folder.Write("corpus/2022-speech.md", """
            ---
            title: 在全面从严治党工作会议上的讲话
            date: 2022-01-10
            ---
            同志们：要坚定不移推进全面从严治党，一刻不停推进党风廉政建设和反腐败斗争。
            """);
        searcher = folder.IndexAndSearch();
    }

    [Theory]
    [InlineData('國', '国')]
    [InlineData('過', '过')]
    [InlineData('黨', '党')]
    [InlineData('產', '产')]
    [InlineData('産', '产')]
    [InlineData('後', '后')]
    [InlineData('薴', '苎')] // to the end of ICU's chain (薴 → 苧 → 苎), so folding twice changes nothing
    public void ATraditionalCharacter_ShouldFoldToItsSimplifiedOne(char traditional, char simplified)
    {
        Assert.Equal(simplified, TextNormalizer.Fold(traditional));
    }

    [Theory]
    [InlineData('著')] // 显著, 著作
    [InlineData('乾')] // 乾隆
    [InlineData('俱')] // 与时俱进
    [InlineData('藉')] // 慰藉
    [InlineData('瞭')] // 瞭望, in fifteen laws
    [InlineData('国')]
    public void ACharacterOfSimplifiedText_ShouldStayAsItIs(char c)
    {
        Assert.Equal(c, TextNormalizer.Fold(c));
    }

    [Fact]
    public void TheFold_ShouldChangeNothingTheSecondTime()
    {
        for (var c = '\u3400'; c < '\uA000'; c++)
        {
            var once = TextNormalizer.Fold(c);
            Assert.True(TextNormalizer.Fold(once) == once, $"U+{(int)c:X4} folds to U+{(int)once:X4}, which folds again");
        }

        Assert.True(TextNormalizer.TraditionalCharacters > 2000);
    }

    [Fact]
    public void ASimplifiedQuery_ShouldFindATextPrintedInTraditionalCharactersAndShowItAsPrinted()
    {
        var result = searcher.Search(new SearchRequest { Query = "\"过渡时期的总任务\"", NearMatches = false });

        var hit = Assert.Single(result.Hits);
        Assert.Equal("1954-report", hit.SpeechId);
        Assert.Contains("<mark>過渡時期的總任務</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryInTraditionalCharacters_ShouldFindSimplifiedText()
    {
        var result = searcher.Search(new SearchRequest { Query = "從嚴治黨", NearMatches = false });

        Assert.Equal("2022-speech", result.Hits[0].SpeechId);
        Assert.Contains("从严治党</mark>", result.Hits[0].Snippet, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
