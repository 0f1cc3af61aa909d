using FsCheck.Fluent;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Free text over short passages (articles of law, not speech paragraphs): which of a question's words a passage holds counts
/// for more than how often it holds them (<c>Ranker.Coordinate</c>); over speeches BM25's sums are left as they are.
/// </summary>
public sealed class CoordinationTests : IDisposable
{
    private readonly TempFolder temp = new();

    private const string Question = "离婚后孩子归谁抚养";

    /// <summary>
    /// No thesaurus: the question is read as its own words only, without the formulation it describes (直接抚养, which one
    /// passage below holds and the other negates: that alone would order them).
    /// </summary>
    private static readonly QueryUnderstanding WordsOnly = new(Thesaurus.Parse("", "test"));

    /// <summary>
    /// One passage holding all three of the question's words once, one holding two of them again and again, and passages
    /// holding 离婚后 alone, so that it is a common word worth little to BM25. <paramref name="padding"/> lengthens every passage.
    /// </summary>
    private static (string, string, string, string)[] Articles(string padding) =>
    [
        ("all.md", "2021-01-01", "甲", "离婚后，孩子由父或者母直接抚养，仍是父母双方的子女。" + padding),
        ("two.md", "2021-02-01", "乙", "不直接抚养孩子的一方，应当按月给付孩子的生活费用，并协助另一方抚养孩子，孩子已满十八周岁的，不再给付。" + padding),
        .. Enumerable.Range(0, 12).Select(i => ($"f{i}.md", $"201{i % 10}-06-01", $"丙{i}", $"第{i + 1}条 夫妻离婚后，共同财产由双方协议处理，协议不成的，由人民法院判决。" + padding)),
    ];

    [Fact]
    public void WhenArticlesAreSearchedWithAQuestion_ShouldRankTheOneHoldingAllItsWordsFirst()
    {
        var searcher = new Searcher(TinyCorpus.Index(temp, Articles("")), WordsOnly);

        var result = searcher.Search(new SearchRequest { Query = Question, ByMeaning = false, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(["离婚后", "孩子", "抚养"], reading.Words.Select(w => w.Word));
        Assert.StartsWith("离婚后，孩子由父或者母直接抚养", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("不直接抚养孩子的一方", result.Hits[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenSpeechParagraphsAreSearchedWithTheSameQuestion_ShouldKeepBm25sSums()
    {
        // The same passages lengthened past the short ones' length: the passage holding two words again and again stays first.
        var padding = "各级机关要认真贯彻执行，加强组织领导，明确工作责任，健全工作机制，强化督促检查，确保各项措施落到实处，取得实效，" +
            "切实维护人民群众合法权益，推动工作不断取得新进展新成效，为经济社会高质量发展营造良好环境。";
        Assert.True(padding.Length * 2 > Ranker.ShortPassages);
        var searcher = new Searcher(TinyCorpus.Index(temp, Articles(padding + padding)), WordsOnly);

        var result = searcher.Search(new SearchRequest { Query = Question, ByMeaning = false, NearMatches = false });

        Assert.StartsWith("不直接抚养孩子的一方", result.Hits[0].Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two cities' rules on smoking, each with an article on the fine that names neither city (as such articles do); the other
    /// city's article holds 吸烟 twice, so by its text alone it would come first. <paramref name="padding"/> lengthens every passage.
    /// </summary>
    private static (string, string, string, string)[] SmokingRules(string padding) =>
    [
        ("beijing.md", "2021-09-24", "北京市控制吸烟条例", "第二十五条 个人在禁止吸烟场所吸烟的，由卫生健康部门责令改正，可以处五十元罚款。" + padding),
        ("shanghai.md", "2022-10-28", "上海市公共场所控制吸烟条例", "第二十六条 个人在禁止吸烟场所吸烟且不听劝阻的，由有关部门责令改正，吸烟者处五十元以上二百元以下罚款。" + padding),
        .. Enumerable.Range(0, 12).Select(i => ($"p{i}.md", $"201{i % 10}-06-01", $"丁{i}", $"第{i + 1}条 违反本规定的，由有关部门处二百元罚款。" + padding)),
        ("capital.md", "2020-01-01", "戊", "第三条 北京是中华人民共和国的首都。" + padding),
    ];

    [Fact]
    public void WhenAnArticlesLawTitleHoldsAWordOfTheQuestion_ShouldCountItAsHeld()
    {
        var searcher = new Searcher(TinyCorpus.Index(temp, SmokingRules("")), WordsOnly);

        var result = searcher.Search(new SearchRequest { Query = "在北京吸烟要罚款吗", ByMeaning = false, NearMatches = false });

        Assert.Contains("北京", result.Reading!.Words.Select(w => w.Word));
        Assert.Equal("北京市控制吸烟条例", result.Hits[0].Title);
        Assert.Equal("上海市公共场所控制吸烟条例", result.Hits[1].Title);
    }

    [Fact]
    public void WhenAStatementsWordIsHeldOnlyByALawsTitle_ShouldNotMakeTheArticleANearMatch()
    {
        // A second review: the words a title holds once counted for the near tier too, so 北京领导干部收红包's article of the
        // 北京 rule, holding 领导干部 and 收受 but not 红包, ranked in it, above the articles holding 红包 (score 500,000 and more).
        var searcher = new Searcher(TinyCorpus.Index(temp,
        [
            ("bj.md", "2021-01-01", "北京市公职人员条例", "第九条 领导干部收受礼金的，依法处理。"),
            ("sh.md", "2021-01-01", "上海市公职人员条例", "第九条 领导干部收受礼金、红包的，依法处理。"),
            .. Enumerable.Range(0, 14).Select(i => ($"p{i}.md", $"201{i % 10}-06-01", $"丁{i}", $"第{i + 1}条 领导干部应当廉洁自律，不得收受红包。")),
            ("capital.md", "2020-01-01", "戊", "第三条 北京是首都。"),
        ]), WordsOnly);

        var result = searcher.Search(new SearchRequest { Query = "北京领导干部收红包", ByMeaning = false });

        var beijing = Assert.Single(result.Hits, h => h.Title == "北京市公职人员条例");
        Assert.True(beijing.Score < 500_000, $"{beijing.Score}");
    }

    [Fact]
    public void WhenSpeechParagraphsAreSearchedWithAWordOfTheirTitle_ShouldNotCountTheTitle()
    {
        // The same passages lengthened past the short ones' length: paragraphs of speeches are read on their own, and the one
        // holding 吸烟 more often stays first.
        var padding = "各级机关要认真贯彻执行，加强组织领导，明确工作责任，健全工作机制，强化督促检查，确保各项措施落到实处，取得实效，" +
            "切实维护人民群众合法权益，推动工作不断取得新进展新成效，为经济社会高质量发展营造良好环境。";
        var searcher = new Searcher(TinyCorpus.Index(temp, SmokingRules(padding + padding)), WordsOnly);

        var result = searcher.Search(new SearchRequest { Query = "在北京吸烟要罚款吗", ByMeaning = false, NearMatches = false });

        Assert.Equal("上海市公共场所控制吸烟条例", result.Hits[0].Title);
    }

    [Fact]
    public void WhenArticlesAreSearchedWithQuestions_ShouldGiveWhatTheExhaustivePassGives()
    {
        // Eighty short articles made of a few words of family and labour law: every question's counted passages are short, so
        // its word scores are coordinated, on the shortcut path (enough passages hold the minimum) as on the exhaustive one.
        var random = new Random(7);
        string[] vocabulary = ["离婚后", "子女", "孩子", "抚养", "财产", "协议", "人民法院", "判决", "探望", "父母", "义务", "权利", "工资", "拖欠", "劳动者", "用人单位", "赔偿"];
        // Every third law's title holds a word of the questions, which its articles are read with (Ranker.HeldByTitle).
        var articles = Enumerable.Range(1, 80).Select(i => ($"a{i}.md", $"20{10 + (i % 12)}-03-01", i % 3 == 0 ? $"子女抚养和工资条例{i}" : $"条例{i}",
            $"第{i}条 " + string.Join("，", Enumerable.Range(0, random.Next(3, 7)).Select(_ => vocabulary[random.Next(vocabulary.Length)] + "的" + vocabulary[random.Next(vocabulary.Length)])) + "。")).ToArray();
        var index = TinyCorpus.Index(temp, articles);
        var fast = new Searcher(index, QueryUnderstanding.Default);
        var reference = new Searcher(index, QueryUnderstanding.Default) { Exhaustive = true };
        string[] questions = ["离婚后孩子归谁抚养", "用人单位拖欠工资怎么办", "父母离婚后子女的财产怎么分", "劳动者可以要求赔偿吗", "人民法院怎么判决探望"];

        // The shortcut is taken where ten passages or more hold the minimum number of words, which is at least two.
        Assert.Contains(questions, q => fast.Search(new SearchRequest { Query = q, Limit = 0 }) is { Reading.MinimumMatch: >= 2, Total: >= 10 });
        PropertyRuns.Check(FastPathPropertyTests.Requests(index, Gen.Elements(questions)), request =>
        {
            Assert.Equal(FastPathPropertyTests.Answer(reference, request), FastPathPropertyTests.Answer(fast, request));
        }, cases: 150);
    }

    public void Dispose() => temp.Dispose();
}
