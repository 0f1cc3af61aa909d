using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A Latin word no passage holds, over an archive whose texts hold Latin letters (I级响应, B同志, 第19条): it is not found,
/// and its letters are not searched in its place (COVID was read as its i, and found I级响应); nor is the number of an
/// identifier no passage holds (the 19 of COVID-19, found in dates and percentages).
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
            重点城市细颗粒物（PM2.5）浓度持续下降，空气质量明显改善。
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

    [Theory]
    [InlineData("COVID-19")]
    [InlineData("COVID-19 防控")]
    [InlineData("防控COVID-19")]
    public void WhenAnIdentifierIsInNoPassage_ShouldSaySoWholeAndNotSearchItsNumber(string query)
    {
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains("COVID-19", reading.Missing);
        Assert.DoesNotContain("covid", reading.Missing);
        Assert.DoesNotContain(reading.Words, w => w.Word == "19" || w.Parts.Contains("19"));
        Assert.DoesNotContain(result.Hits, h => h.Snippet.Contains("<mark>19</mark>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PM2.5")]
    [InlineData("PM2.5 浓度")]
    public void WhenAnIdentifierIsHeld_ShouldStillBeFound(string query)
    {
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        Assert.Equal(1, result.Total);
        Assert.Empty(result.Reading?.Missing ?? []);
        Assert.Contains("<mark>PM2", result.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("M2.5、PM2.5")]
    [InlineData("PM2.5 M2.5")]
    public void WhenAnUnheldIdentifierEndsAHeldOne_ShouldLeaveOutOnlyItself(string query)
    {
        // In one run, M2.5's form (m2 5) is in PM2.5's (pm2 5): replaced as a substring, it cut PM2.5 down to p.
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(["M2.5"], reading.Missing);
        Assert.Equal(1, result.Total);
        Assert.Contains("<mark>PM2", result.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pm2 5 m2 5", "m2 5", "pm2 5 \n")]
    [InlineData("m2 5浓度pm2 5", "m2 5", "\n浓度pm2 5")]
    [InlineData("m2 5m2 5", "m2 5", "m2 5m2 5")]
    [InlineData("新冠covid 19疫苗", "covid 19", "新冠\n疫苗")]
    public void ReplaceWhole_ShouldReplaceOnlyWhereNoLetterOrDigitAdjoins(string text, string form, string expected) =>
        Assert.Equal(expected, FreeTextReader.ReplaceWhole(text, form, '\n'));

    [Theory]
    [InlineData("19 防控")]
    [InlineData("COVID 19")]
    public void WhenANumberIsTypedApart_ShouldStillBeSearched(string query)
    {
        // Typed as a word of its own, the number is what the user asks for (19 大, 2019 政府工作报告), whatever stands beside it.
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(reading.Words, w => w.Word == "19");
        Assert.Contains(result.Hits, h => h.Snippet.Contains("<mark>19</mark>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("COVID-19", "COVID-19")]
    [InlineData("新冠ＣＯＶＩＤ－１９疫苗", "ＣＯＶＩＤ－１９")]
    [InlineData("PM2.5浓度", "PM2.5")]
    [InlineData("SARS-CoV-2", "SARS-CoV-2")]
    [InlineData("G20 5G H7N9", "")]
    [InlineData("2019-2020 19.2%", "")]
    [InlineData("alert(1) src=x", "")]
    [InlineData("COVID- 19", "")]
    public void Identifiers_ShouldBeLettersAndDigitsJoinedByAHyphenOrADot(string typed, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : [expected], FreeTextReader.Identifiers(typed));
    }

    public void Dispose() => folder.Dispose();
}
