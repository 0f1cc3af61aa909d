using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A Latin word no passage holds, over an archive whose texts hold Latin letters (I级响应, B同志, 第19条): it is not found,
/// and its letters are not searched in its place (COVID was read as its i, and found I级响应).
/// </summary>
public sealed class LatinWordTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Searcher searcher;

    public LatinWordTests()
    {
        folder.Write("corpus/2020-fangkong.md", """
            ---
            title: 在疫情防控工作会议上的讲话
            date: 2020-02-10
            ---
            同志们：启动重大突发公共卫生事件I级响应以来，各地迅速行动，防控工作取得积极进展。
            B同志负责物资保障，要把口罩、防护服等物资及时送到一线。
            要落实第19条规定，加强社区防控，做好群防群控。
            """);
        searcher = folder.IndexAndSearch();
    }

    [Theory]
    [InlineData("COVID", "covid")]
    [InlineData("jianshe", "jianshe")]
    [InlineData("COVID 防控", "covid")]
    public void WhenALatinWordIsInNoPassage_ShouldSaySoAndNotSearchItsLetters(string query, string missing)
    {
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(missing, reading.Missing);
        Assert.DoesNotContain(reading.Words, w => w.Word == missing);
        Assert.DoesNotContain(result.Hits, h => h.Snippet.Contains("<mark>I</mark>", StringComparison.OrdinalIgnoreCase)
            || h.Snippet.Contains("<mark>B</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WhenBesideAnUnfoundLatinWordThereAreOnlySingleCharacters_ShouldSearchThoseInstead()
    {
        // 新冠COVID19 over the shared reports: 新 and 冠 are dropped as single characters beside a word, and the word is not found.
        var result = searcher.Search(new SearchRequest { Query = "防COVID", NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains("covid", reading.Missing);
        Assert.True(result.Total > 0);
    }

    [Fact]
    public void ALatinWordThePassagesHold_ShouldStillBeFound()
    {
        var result = searcher.Search(new SearchRequest { Query = "I级响应", NearMatches = false });

        Assert.Equal(1, result.Total);
    }

    public void Dispose() => folder.Dispose();
}
