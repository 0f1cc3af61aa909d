using SpeechArchive.Analysis;

namespace SpeechArchive.Tests.Analysis;

public sealed class MatchTextTests
{
    [Theory]
    [InlineData("不敢腐、不能腐、不想腐", "不敢腐不能腐不想腐")]
    [InlineData("“两个维护”", "两个维护")]
    [InlineData("治党。永远", "治党\n永远")]
    [InlineData("第**次", "第\u0001次")]
    [InlineData("xx区", "\u0001区")]
    [InlineData("3.5%", "3 5")]
    [InlineData("ＡＰＰ　平台", "app平台")]
    public void WhenBuilding_ShouldDropSoftPunctuationAndMarkBreaks(string input, string expected)
    {
        Assert.Equal(expected, MatchText.Build(input, 0, input.Length));
        Assert.Equal(expected.Length, MatchText.Length(input, 0, input.Length));
    }

    [Fact]
    public void WhenMeasuringEveryPassageOfTheFixtureCorpus_ShouldGiveTheLengthOfTheBuiltForm()
    {
        foreach (var file in Directory.GetFiles(FixturePaths.Corpus))
        {
            var text = File.ReadAllText(file);
            for (var start = 0; start < text.Length; start += 97)
            {
                var end = Math.Min(text.Length, start + 1500);
                Assert.Equal(MatchText.Build(text, start, end).Length, MatchText.Length(text, start, end));
            }
        }
    }

    [Fact]
    public void WhenBuildingWithOffsets_ShouldMapEveryCharacterBackToTheSource()
    {
        const string text = "坚持不敢腐、不能腐一体推进";
        var offsets = new List<int>();

        var match = MatchText.Build(text, 0, text.Length, offsets);

        Assert.Equal(match.Length, offsets.Count);
        for (var i = 0; i < match.Length; i++)
        {
            Assert.Equal(match[i], TextNormalizer.Fold(text[offsets[i]]));
        }
    }

    [Theory]
    [InlineData("办实事，求实效", "实事求是", "办实事求实效")] // 事求 reads on in 实事求是: the word 求实效 keeps 实事，求 out
    [InlineData("办实事，求实效", "全面从严治党", "办实事\n求实效")]
    [InlineData("党要管党、从严治党，全面加强党的建设", "全面从严治党", "党要管党\n从严治党\n全面加强党的建设")]
    [InlineData("一体推进不敢腐、不能腐、不想腐", "不敢腐不能腐不想腐", "一体推进不敢腐不能腐不想腐")]
    [InlineData("党要管党、从严治党", "党要管党从严治党", "党要管党从严治党")]
    [InlineData("“两个确立”：决定性意义", "两个确立", "两个确立\n决定性意义")]
    [InlineData("共1,000亿元，增长3.5%", "经济增长", "共1 000亿元\n增长3 5")]
    public void WhenBuildingClauses_ShouldEndAClauseAtAMarkTheReadingDoesNotCross(string input, string reading, string expected)
    {
        var offsets = new List<int>();

        var match = MatchText.BuildClauses(input, 0, input.Length, offsets, reading);

        Assert.Equal(expected, match);
        Assert.Equal(match.Length, offsets.Count);
        for (var i = 0; i < match.Length; i++)
        {
            if (match[i] == MatchText.Break)
            {
                Assert.True(MatchText.IsClauseMark(TextNormalizer.Fold(input[offsets[i]])), $"break at {offsets[i]}");
            }
            else if (match[i] != ' ')
            {
                Assert.Equal(match[i], TextNormalizer.Fold(input[offsets[i]]));
            }
        }
    }

    [Theory]
    [InlineData("使用app平台", "app", 1)]
    [InlineData("使用apple平台", "app", 0)]
    [InlineData("永远在路上永远在路上", "永远在路上", 2)]
    public void WhenCounting_ShouldRespectLatinWordBoundaries(string haystack, string needle, int expected)
    {
        Assert.Equal(expected, MatchText.CountOccurrences(MatchText.Build(haystack, 0, haystack.Length), needle));
    }

    [Theory]
    [InlineData("迎接党的二十大胜利召开", "十大", 0)]
    [InlineData("一九七三年召开了党的十大", "十大", 1)]
    [InlineData("党的十大和党的二十大", "十大", 1)]
    [InlineData("应当在十五日内作出决定", "五日内", 0)]
    [InlineData("应当在五日内作出决定", "五日内", 1)]
    [InlineData("三百五十个项目", "五十个", 0)]
    [InlineData("二十三个省", "二十", 0)]
    [InlineData("二十个省", "二十", 1)]
    [InlineData("第十一是", "一是", 1)]
    [InlineData("贯彻十九大精神", "十九大", 1)]
    [InlineData("实现五万元收入", "万元", 1)] // a magnitude starts no number of its own
    public void WhenCounting_ShouldNotMatchANumeralInsideALongerNumber(string haystack, string needle, int expected)
    {
        Assert.Equal(expected, MatchText.CountOccurrences(MatchText.Build(haystack, 0, haystack.Length), needle));
    }

    [Theory]
    [InlineData("“十三五”、“十四五”时期", "十四五", 1)]
    [InlineData("二、“十四五”时期主要目标任务", "十四五", 1)]
    [InlineData("坚持和平统一、一国两制", "一国两制", 1)]
    [InlineData("十一、十二月份", "十二月", 1)]
    public void WhenANumeralWordFollowsANumeralAcrossPunctuation_ShouldStillBeCounted(string haystack, string needle, int expected)
    {
        // The match form drops soft punctuation; between two numerals it keeps a space, so the numbers stay apart. Without it
        // 二、“十四五” read 二十四五, and a rule keeping 十大 out of 二十大 lost 十四五 there (fifty-ninth session).
        Assert.Equal(expected, MatchText.CountOccurrences(MatchText.Build(haystack, 0, haystack.Length), needle));
    }

    [Theory]
    [InlineData("“十三五”、“十四五”", "十三五 十四五")]
    [InlineData("二、“十四五”时期", "二 十四五时期")]
    [InlineData("不敢腐、不能腐", "不敢腐不能腐")] // between other characters punctuation is bridged as before
    [InlineData("二十大", "二十大")]
    [InlineData("和平统一、一国两制", "和平统一一国两制")] // 一 starts no number a match refuses: nothing to keep apart
    [InlineData("知行合一，一以贯之", "知行合一一以贯之")]
    [InlineData("九·一八事变", "九一八事变")]
    [InlineData("一二·九运动", "一二九运动")] // a middle dot joins the numbers of a name
    public void WhenBuilding_ShouldKeepNumbersApartInTheTextApartOnlyWhereAMatchWouldRunOn(string text, string expected)
    {
        Assert.Equal(expected, MatchText.Build(text, 0, text.Length));
    }

    [Theory]
    [InlineData("转作风，**局党的建设全面加强", "转作风\n\u0001局党的建设全面加强")] // a writers' trial: 作风，**局党的建设 was a variant of 作风建设
    [InlineData("xx区**，党的建设全面加强", "\u0001区\u0001\n党的建设全面加强")]
    [InlineData("转作风，xx局党的建设", "转作风\n\u0001局党的建设")]
    public void WhenBuildingClauses_ShouldEndAClauseAtAMarkBesideAMaskedName(string text, string expected)
    {
        var offsets = new List<int>();

        var match = MatchText.BuildClauses(text, 0, text.Length, offsets, "作风建设");

        Assert.Equal(expected, match);
        Assert.Equal(match.Length, offsets.Count);
        Assert.All(Enumerable.Range(0, match.Length).Where(i => match[i] == MatchText.Break), i => Assert.True(MatchText.IsClauseMark(TextNormalizer.Fold(text[offsets[i]])), $"break at {offsets[i]}"));
    }

    [Theory]
    [InlineData("从严治党二，三全面加强", "从严治党二\n三全面加强")] // the space kept between the numbers gives way to the clause end
    [InlineData("从严治党甲，乙全面加强", "从严治党甲\n乙全面加强")]
    [InlineData("“十三五”、“十四五”", "十三五\n十四五")]
    public void WhenBuildingClauses_ShouldEndAClauseAtAMarkBetweenNumbersToo(string text, string expected)
    {
        var offsets = new List<int>();
        Assert.Equal(expected, MatchText.BuildClauses(text, 0, text.Length, offsets, "全面从严治党"));
        Assert.Equal(expected.Length, offsets.Count);
    }
}
