using System.Globalization;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class ConcordanceBuilderTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenListingAPhrase_ShouldGiveOneLinePerOccurrenceInTheSpeechesText()
    {
        var result = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "全面从严治党", Limit = 0 });

        Assert.Equal(CountInBodies(seeds.CorpusDirectory, "全面从严治党"), result.Total);
        Assert.Equal(result.Total, result.Lines.Count);
        Assert.True(result.Lines.Count > result.Passages, "several occurrences in one passage should give several lines");
        Assert.Equal(result.Total, result.ByYear.Sum(y => y.Count));
    }

    [Theory]
    [InlineData("全面从严 治党")]
    [InlineData("全面\u3000从严治党")] // a full-width space, pasted from a document
    [InlineData(" 全面 从严 治党 ")]
    public void WhenThePhraseHasSpacesBetweenChinese_ShouldListItAsOnePhrase(string spaced)
    {
        var whole = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "全面从严治党", Limit = 0 });

        var result = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = spaced, Limit = 0 });

        Assert.Equal(whole.Total, result.Total);
        Assert.All(result.Lines, l => Assert.Equal("全面从严治党", l.Hit));
    }

    [Theory]
    [InlineData("从严 OR 治党", "从严 OR 治党")]
    [InlineData("从严 -治党 year:2022", "从严 -治党 year:2022")]
    [InlineData("从严 －治党", "从严 －治党")] // a full-width minus, as a Chinese input method types it
    [InlineData("从严 治党－", "从严 治党－")]
    [InlineData("\"从严\" 治党", "\"从严\" 治党")]
    [InlineData("不敢腐、不能腐 不想腐", "不敢腐、不能腐不想腐")]
    [InlineData("从严 治党 theme:作风建设", "从严治党 theme:作风建设")]
    public void WhenJoiningRunsOfChinese_ShouldKeepOperatorsFiltersAndQuotesApart(string typed, string read) =>
        Assert.Equal(read, WritingQuery.JoinHanRuns(typed));

    [Theory]
    [InlineData("-发展", "只有排除的词 -发展，没有要查的短语", "要查“发展”本身，请去掉减号")]
    [InlineData("－发展 -改革", "只有排除的词 -发展 -改革，没有要查的短语", "要查“发展”本身，请去掉减号")]
    [InlineData("ＮＯＴ 发展", "只有排除的词 -发展，没有要查的短语", "如 全面从严治党 -发展。")] // full-width letters, read as NOT
    [InlineData("year:2022", "只有筛选条件，没有要查的短语", "请在筛选条件前写上要查的短语")]
    [InlineData("ｙｅａｒ:２０２２", "只有筛选条件，没有要查的短语", "请在筛选条件前写上要查的短语")]
    [InlineData("", "请输入要查的短语", "give a phrase to look for")]
    public void WhenNoPhraseIsLeftToLookFor_ShouldSayWhatWasTypedInstead(string typed, string expected, string advice)
    {
        var e = Assert.Throws<SpeechArchive.Search.QuerySyntaxException>(() => ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = typed }));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(advice, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenPhrasesAreGrouped_ShouldListWhatTheSamePhrasesJoinedByOrList()
    {
        var plain = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "从严治党 OR 作风建设", Limit = 0 });

        var grouped = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "（从严治党 OR 作风建设）", Limit = 0 });

        Assert.True(plain.Total > 0);
        Assert.Equal(plain.Lines.Select(l => (l.Source.PassageId, l.Hit)), grouped.Lines.Select(l => (l.Source.PassageId, l.Hit)));
    }

    [Fact]
    public void WhenAHeadingHoldsOnlyThePhrasesFirstAndLastCharacters_ShouldNotCountItsSpeech()
    {
        // Regression: a speech counted whenever one of its headings held the phrase's first and last characters.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲讲话", "一、压实责任\n\n要落实一岗双责，层层传导压力。"),
            ("b.md", "2021-05-01", "乙讲话", "一、强化政治责任\n\n要加强日常监督。"));

        var result = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "一岗双责", Limit = 0 });

        Assert.Equal(1, result.Total);
        Assert.Equal(1, result.Speeches);
    }

    [Fact]
    public void WhenAHitOpensOrClosesAParagraph_ShouldKeepItsContextInThatParagraph()
    {
        // The context ran into the paragraph before and after, joined with a double space (坚强有力。  全面从严治党|永远在路上).
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲讲话", "党的领导坚强有力。\n\n全面从严治党永远在路上，要一以贯之抓到底，决不能松劲。\n\n要加强日常监督。"));

        var result = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "全面从严治党永远在路上", Context = 20, Limit = 0 });
        var closing = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "决不能松劲", Context = 20, Limit = 0 });

        var line = Assert.Single(result.Lines);
        Assert.Equal("", line.Left);
        Assert.Equal("，要一以贯之抓到底，决不能松劲。", line.Right);
        Assert.Equal("。", Assert.Single(closing.Lines).Right); // its sentence's end, not 要加强日常监督
    }

    [Fact]
    public void WhenListingAPhrase_ShouldAlignTheContextOnTheHit()
    {
        var result = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "全面从严治党", Context = 12, Limit = 0 });

        Assert.All(result.Lines, line =>
        {
            var text = seeds.Snapshot.FindSpeech(line.Source.SpeechId)!.Text.Replace('\n', ' ');
            Assert.Equal("全面从严治党", line.Hit);
            Assert.InRange(line.Left.Length, 0, 12);
            Assert.InRange(line.Right.Length, 0, 12);
            Assert.Contains(line.Left + line.Hit + line.Right, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void WhenSortingByRightContext_ShouldOrderLinesByWhatFollowsTheHit()
    {
        var result = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "全面从严治党", Sort = ConcordanceSort.Right, Limit = 0 });

        var collation = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
        for (var i = 1; i < result.Lines.Count; i++)
        {
            Assert.True(collation.Compare(result.Lines[i - 1].Right, result.Lines[i].Right) <= 0, $"line {i} out of order");
        }
    }

    [Fact]
    public void WhenSortingByLeftContext_ShouldOrderLinesByWhatPrecedesTheHitReadBackwards()
    {
        var result = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "全面从严治党", Sort = ConcordanceSort.Left, Limit = 0 });

        var collation = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
        var keys = result.Lines.Select(l => new string(l.Left.Reverse().ToArray())).ToList();
        for (var i = 1; i < keys.Count; i++)
        {
            Assert.True(collation.Compare(keys[i - 1], keys[i]) <= 0, $"line {i} out of order");
        }
    }

    [Fact]
    public void WhenTheSameTextIsInTwoSpeeches_ShouldMarkTheLaterCopyAsADuplicate()
    {
        using var temp = new TempFolder();
        const string shared = "全面从严治党永远在路上，党风廉政建设和反腐败斗争只有进行时。";
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲讲话", "同志们，" + shared + "我们要坚持不懈。"),
            ("b.md", "2021-05-01", "乙讲话", "同志们，" + shared + "我们要坚持不懈。"),
            ("c.md", "2022-01-01", "丙讲话", "我们要推进全面从严治党向纵深发展。"));

        var result = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "全面从严治党", Limit = 0 });

        Assert.Equal(3, result.Total);
        var duplicate = Assert.Single(result.Lines, l => l.DuplicateOf is not null);
        Assert.Equal("乙讲话", duplicate.Source.Title);
        Assert.Equal(result.Lines.Single(l => l.Source.Title == "甲讲话").Source.PassageId, duplicate.DuplicateOf);
        Assert.Equal(1, result.Duplicates);
    }

    [Fact]
    public void WhenAFormulaIsRepeatedInSpeechesThatAreNotOneText_ShouldNotMarkItAsADuplicate()
    {
        // A writers' trial: each year's report says the formula, 20 characters either side of 两个维护 and more, in a paragraph
        // of its own; the later reports' rows were marked 重复, as if reprinted.
        using var temp = new TempFolder();
        const string formula = "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，自觉在思想上政治上行动上同党中央保持高度一致";
        var index = TinyCorpus.Index(temp,
            ("a.md", "2022-03-05", "二〇二二年工作报告", "各级政府要" + formula + "，坚持依法行政，建设人民满意的法治政府。\n\n我们要扎实做好稳就业工作。"),
            ("b.md", "2024-03-05", "二〇二四年工作报告", "政府工作人员要" + formula + "，不断提高政治判断力、政治领悟力、政治执行力。\n\n我们要加快发展新质生产力。"));

        var result = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "两个维护", Limit = 0 });

        Assert.Equal(2, result.Total);
        Assert.All(result.Lines, l => Assert.Null(l.DuplicateOf));
        Assert.Equal(0, result.Duplicates);
    }

    [Fact]
    public void WhenASpeechIsPrintedTwiceAndCutIntoParagraphsElsewhere_ShouldMarkEveryLineOfTheLaterCopy()
    {
        // xi-2020's xi_00011 and xi_00031 are one speech that two sources cut at other places: a hit opening a paragraph in
        // one copy and inside one in the other had different contexts cut at the paragraph's edge, and was not marked.
        using var temp = new TempFolder();
        const string opening = "在全党开展主题教育，是党的十九大作出的重大决策，党中央对此高度重视，做了精心准备、周密组织。\n\n" +
            "各级党组织有力推动，广大党员、干部积极投入，人民群众热情支持，整个主题教育特点鲜明、扎实紧凑。\n\n";
        const string first = "广大党员干部深入学习实践党的创新理论，提高了知信行合一的自觉性。";
        const string second = "这次主题教育推动解决了一批群众反映强烈的突出问题，取得了实实在在的成效。";
        var index = TinyCorpus.Index(temp,
            ("a.md", "2020-01-08", "在主题教育总结大会上的讲话", opening + first + second),
            ("b.md", "2020-01-09", "同志们", opening + first + "\n\n" + second));

        var result = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "主题教育", Limit = 0 });

        var later = result.Lines.Where(l => l.Source.Title == "同志们").ToList();
        Assert.Equal(result.Lines.Count(l => l.Source.Title != "同志们"), later.Count);
        Assert.Contains(later, l => l.Left == "这次"); // its context cut at its paragraph's edge, unlike the first copy's
        Assert.All(later, l => Assert.NotNull(l.DuplicateOf));
        Assert.All(result.Lines.Except(later), l => Assert.Null(l.DuplicateOf));
    }

    [Fact]
    public void WhenExportingCsv_ShouldCarryACitationPerLine()
    {
        var result = ConcordanceBuilder.Build(seeds.Snapshot, new ConcordanceRequest { Phrase = "一直在路上", Limit = 0 });

        var csv = ConcordanceCsv.Write(result.Lines).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("date,left,hit,right,title,organization,speaker,section,citation,passage_id,duplicate_of", csv[0]);
        Assert.Equal(result.Total + 1, csv.Length);
        Assert.All(csv.Skip(1), row => Assert.Contains(",一直在路上,", row, StringComparison.Ordinal));
        Assert.All(result.Lines, l => Assert.StartsWith("《" + l.Source.Title + "》", l.Source.Citation, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenFilteredByYear_ShouldKeepOnlyThatYear()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲讲话", "要加强作风建设。"),
            ("b.md", "2021-05-01", "乙讲话", "要加强作风建设，作风建设永远在路上。"));

        var result = ConcordanceBuilder.Build(index, new ConcordanceRequest { Phrase = "作风建设", Filters = ["year:2021"], Limit = 0 });

        Assert.Equal(2, result.Total);
        Assert.All(result.Lines, l => Assert.Equal(2021, l.Source.Year));
        Assert.Equal([new YearCount(2021, 2)], result.ByYear);
    }

    /// <summary>Occurrences in the speech files' bodies (front matter cut off), counted directly on the files.</summary>
    private static int CountInBodies(string corpus, string phrase)
    {
        var count = 0;
        foreach (var file in Directory.GetFiles(corpus, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var body = text.StartsWith("---", StringComparison.Ordinal) ? text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..] : text;
            for (var at = body.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = body.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
