using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A speech looked up by words of its title, not its title as written (2019年政府工作报告 for 2019年某市人民政府工作报告), and a
/// year written either way (1958年, 一九五八年, 二〇一九年), over an archive where other passages hold the same words in their text.
/// </summary>
public sealed class TitleAndYearTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Searcher searcher;

    public TitleAndYearTests()
    {
        folder.Write("corpus/2019-report.md", """
            ---
            title: 2019年某市人民政府工作报告
            date: 2019-01-20
            ---
            各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。
            一、过去一年的回顾
            全市经济运行总体平稳，城乡居民收入稳步增长。
            """);
        folder.Write("corpus/2020-review.md", """
            ---
            title: 在全市经济形势分析会上的讲话
            date: 2020-07-15
            ---
            同志们：去年政府工作报告提出的目标，2019年大部分已经完成。政府工作报告确定的2019年重点任务，要逐项对账。
            今年政府工作报告的任务更重，2019年的经验要用好。
            """);
        folder.Write("corpus/1958-report.md", """
            ---
            title: 关于钢铁生产的报告
            date: 1958-12-10
            ---
            一九五八年，全国钢铁产量大幅增长，工业战线取得很大成绩。
            明年的钢铁生产任务仍然繁重，要继续努力。
            """);
        folder.Write("corpus/2022-steel.md", """
            ---
            title: 在钢铁行业座谈会上的讲话
            date: 2022-05-10
            ---
            回顾历史，1958年的钢铁生产留下了深刻教训，要尊重经济规律。
            """);
        folder.Write("corpus/2021-slogan.md", """
            ---
            title: 坚持全面从严治党 推动高质量发展
            date: 2021-03-01
            ---
            同志们：今天召开全市工作会议，部署今年的任务。

            要把全面从严治党贯穿始终，以党的建设引领高质量发展。
            """);
        folder.Write("corpus/2017-congress.md", """
            ---
            title: 决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利 (十九大)
            date: 2017-10-18
            ---
            同志们：现在，我代表第十八届中央委员会向大会作报告。

            十三、坚定不移全面从严治党

            全面从严治党永远在路上。要以党的建设高质量推动高质量发展，把从严治党落到实处。
            """);
        folder.Write("corpus/2018-study.md", """
            ---
            title: 在学习贯彻会议上的讲话
            date: 2018-01-10
            ---
            同志们：要深入学习贯彻党的十九大精神，推动高质量发展。
            """); // a congress named in the text, as the archive's other documents name it; the report itself does not
        folder.Write("corpus/1945-work.md", """
            ---
            title: 論聯合政府 (七大)
            date: 1945-04-24
            ---
            我们的大会是在下列的情况之下召开的。

            建立一个民主的联合政府，是全国人民的迫切要求。
            """);
        folder.Write("corpus/1955-report.md", """
            ---
            title: 关于发展国民经济的报告
            date: 1955-07-05
            ---
            毛泽东同志在论联合政府中指出，中国工人阶级的任务，不但是为着建立新民主主义的国家而斗争，论联合政府一文影响深远，联合政府的主张深入人心。
            """);
        searcher = folder.IndexAndSearch();
    }

    [Fact]
    public void WhenATitleHoldsTheQueryAsTypedWithACharacterLeftOutOfItsWords_ItsSpeechShouldComeFirstAsATitleHit()
    {
        // 论 of 论联合政府 is a single character the words leave out, as 持 of 持2019年政府工作报告 is; but the work's own title
        // holds every character of the query (folded from 論聯合政府), and a report quoting it twice must not come first.
        var result = searcher.Search(new SearchRequest { Query = "论联合政府", NearMatches = false });

        Assert.Equal((HitMatch.Title, "論聯合政府 (七大)"), (result.Hits[0].Match, result.Hits[0].Title));
        Assert.Equal(1, result.Reading!.ByTitle);
        Assert.Contains(result.Hits, h => h.Title == "关于发展国民经济的报告");
    }

    [Fact]
    public void WhenATitleHoldsSomeWordsButNoneNamesOneSpeech_ItShouldNotRaiseItsPassages()
    {
        // A slogan's words are shared by many clauses: without a year or a congress, the title names no one speech.
        var result = searcher.Search(new SearchRequest { Query = "全面从严治党 高质量发展 贯穿始终", NearMatches = false });

        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Title && h.PassageId == "2021-slogan:2");
    }

    [Fact]
    public void WhenATitleHoldsEveryWordOfTheQuery_ItsSpeechShouldComeFirstAsATitleHit()
    {
        // The review holds 2019年 and 政府工作报告 three times each in its text; the report's own text holds neither.
        var result = searcher.Search(new SearchRequest { Query = "2019年政府工作报告", NearMatches = false });

        var first = result.Hits[0];
        Assert.Equal("2019年某市人民政府工作报告", first.Title);
        Assert.Equal(HitMatch.Title, first.Match);
        Assert.Contains("<mark>2019年</mark>", first.MatchedHeading, StringComparison.Ordinal);
        Assert.Contains(result.Hits, h => h.Title == "在全市经济形势分析会上的讲话");
        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal((1, 0), (reading.ByTitle, reading.AsWritten)); // no passage holds 2019年政府工作报告 as written
    }

    [Fact]
    public void WhenAQuestionAsksForMeasuresOfATitle_ItsSpeechShouldStillComeFirstAsATitleHit()
    {
        // 措施 is what the question asks for (an answer word, dropped), not a word of its own left out.
        var result = searcher.Search(new SearchRequest { Query = "2019年政府工作报告有哪些措施", NearMatches = false });

        Assert.Contains("措施", result.Reading!.Dropped);
        Assert.Equal(("2019年某市人民政府工作报告", HitMatch.Title), (result.Hits[0].Title, result.Hits[0].Match));
    }

    [Fact]
    public void WhenTheQueryLeavesOutAWordOfItsOwn_NoTitleShouldBeLookedUp()
    {
        // 持 is dropped as a single character: a clause half-remembered, not a title's words.
        var result = searcher.Search(new SearchRequest { Query = "持2019年政府工作报告", NearMatches = false });

        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Title);
    }

    [Fact]
    public void WhenATitleHoldsSomeWordsAndItsTextTheRest_ItsPassagesHoldingTheRestShouldComeFirst()
    {
        // 2019年 and 政府工作报告 name the report; 城乡居民收入 is asked of its text, and the review says none of it.
        var result = searcher.Search(new SearchRequest { Query = "2019年政府工作报告 城乡居民收入", NearMatches = false });

        var first = result.Hits[0];
        Assert.Equal("2019年某市人民政府工作报告", first.Title);
        Assert.Contains("<mark>城乡居民收入</mark>", first.Snippet, StringComparison.Ordinal);
        Assert.Equal(HitMatch.Title, first.Match);
    }

    [Fact]
    public void WhenACongressNamesItsReportAndAnotherTitleHoldsMoreWords_TheReportsPassagesShouldComeFirst()
    {
        // 十九大 alone names one speech (its report's title says the congress); 坚持全面从严治党 推动高质量发展 holds two of the words
        // and names nothing, and its text holds them all. 报告 names the document, which its text does not say.
        var result = searcher.Search(new SearchRequest { Query = "十九大报告 从严治党 高质量发展", NearMatches = false });

        var first = result.Hits[0];
        Assert.Equal(("决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利 (十九大)", HitMatch.Title), (first.Title, first.Match));
        Assert.Contains("<mark>高质量发展</mark>", first.Snippet, StringComparison.Ordinal);
        Assert.Contains(result.Hits, h => h.Title == "坚持全面从严治党 推动高质量发展");
    }

    [Fact]
    public void WhenNoPassageOfTheNamedSpeechHoldsTheRest_NoneShouldBeRaised()
    {
        // The report's text says nothing of 逐项对账; the review says it, and comes first by its words.
        var result = searcher.Search(new SearchRequest { Query = "2019年政府工作报告 逐项对账", NearMatches = false });

        Assert.Equal("在全市经济形势分析会上的讲话", result.Hits[0].Title);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Title);
    }

    [Theory]
    [InlineData("1958年", "一九五八年")]
    [InlineData("一九五八年", "1958年")]
    public void AYearWrittenOneWay_ShouldFindItWrittenTheOther(string query, string other)
    {
        var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false });

        var found = result.Hits.Where(h => h.Match != HitMatch.Meaning).Select(h => h.SpeechId).Order();
        Assert.Equal(["1958-report", "2022-steel"], found);
        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(reading.Words, w => w.Parts.Contains(other));
        Assert.Contains(result.Hits, h => h.Snippet.Contains($"<mark>{other}</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public void AYearInNumeralsTheArchiveDoesNotHold_ShouldBeSearchedInDigitsAndNotCut()
    {
        // The lexicon would cut 二〇一九年 where the archive's words happen to (二〇一 | 九年).
        var result = searcher.Search(new SearchRequest { Query = "二〇一九年政府工作报告", NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        var year = Assert.Single(reading.Words, w => w.Word == "二〇一九年");
        Assert.Equal(["2019年"], year.Parts);
        Assert.Equal("2019年某市人民政府工作报告", result.Hits[0].Title);
    }

    [Theory]
    [InlineData("1958年", new[] { "一九五八年" })]
    [InlineData("二〇〇八年", new[] { "2008年", "二零零八年" })]
    [InlineData("二零一九年", new[] { "2019年", "二〇一九年" })]
    [InlineData("12958年", new string[0])]
    [InlineData("3000年", new string[0])]
    [InlineData("五八年", new string[0])]
    [InlineData("1958", new string[0])]
    public void YearForms_ShouldBeTheYearsOtherSpellings(string word, string[] expected)
    {
        Assert.Equal(expected, FreeTextReader.YearForms(word));
    }

    public void Dispose() => folder.Dispose();
}

/// <summary>
/// A report looked up by its year and kind over the evaluation's archive (corpus/ + the shared reports and xi-2020), where
/// dozens of other reports say 政府工作报告 and hundreds of passages say 2019年, and some hold most of the query in order
/// (去年政府工作报告).
/// </summary>
[Collection(EvaluationArchiveCollection.Name)]
public sealed class TitleLookupArchiveTests(EvaluationArchive archive)
{
    [SkippableTheory]
    [InlineData("2019年政府工作报告", "2019年中华人民共和国国务院政府工作报告")]
    [InlineData("二〇一九年政府工作报告", "2019年中华人民共和国国务院政府工作报告")]
    [InlineData("政府工作报告 1983年", "1983年中华人民共和国国务院政府工作报告")]
    [InlineData("十九大报告关于从严治党", "决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利 (十九大)")] // 报告 is not in its text; 推动从严治党取得新成效 holds two words
    [InlineData("十九大 从严治党", "决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利 (十九大)")] // 75 passages hold 从严治党 as written
    [InlineData("十八大报告 生态文明", "坚定不移沿着中国特色社会主义道路前进 为全面建成小康社会而奋斗 (十八大)")]
    public void WhenTheQueryIsATitlesWords_ThatSpeechShouldComeFirst(string query, string title)
    {
        var result = archive.Searcher().Search(new SearchRequest { Query = query, Limit = 10, NearMatches = false });

        Assert.Equal(title, result.Hits[0].Title);
        Assert.Equal(HitMatch.Title, result.Hits[0].Match);
    }
}
