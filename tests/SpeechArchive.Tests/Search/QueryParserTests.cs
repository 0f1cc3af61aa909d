using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed class QueryParserTests
{
    public static IEnumerable<object[]> Groups => TestData.Rows("Search/query-groups.tsv", 3);

    public static IEnumerable<object[]> GroupErrors => TestData.Rows("Search/query-group-errors.tsv", 2);

    [Theory]
    [InlineData("作风建设 纪律", "作风建设 纪律")]
    [InlineData("\"全面从严治党 永远在路上\"", "\"全面从严治党 永远在路上\"")]
    [InlineData("“全面从严治党”", "\"全面从严治党\"")]
    [InlineData("四风 OR 形式主义 作风", "四风 OR 形式主义 作风")]
    [InlineData("作风 year:2022 theme:conduct", "作风")]
    [InlineData("作风建设 AND 监督", "\"作风建设\" \"监督\"")]
    [InlineData("作风建设 && 监督 纪律", "\"作风建设\" \"监督\" 纪律")]
    [InlineData("作风建设 AND \"从严治党\" -窗口", "\"作风建设\" \"从严治党\"")]
    [InlineData("and 作风", "and 作风")]
    [InlineData("作风建设 NOT 窗口", "作风建设")]
    [InlineData("not 作风", "not 作风")]
    public void WhenParsing_ShouldKeepWordsPhrasesAndAlternatives(string query, string expected)
    {
        Assert.Equal(expected, QueryParser.Describe(QueryParser.Parse(query)));
    }

    [Fact]
    public void WhenParsingFilters_ShouldCollectEachDimension()
    {
        var q = QueryParser.Parse("作风 year:2018..2022 year:2024 theme:integrity type:禁止告诫 org:人社局 speaker:\"局党组 书记\" -窗口");

        Assert.Equal([(2018, 2022), (2024, 2024)], q.Filters.Years);
        Assert.Equal(["integrity"], q.Filters.Themes);
        Assert.Equal(["禁止告诫"], q.Filters.DirectiveTypes);
        Assert.Equal(["人社局"], q.Filters.Organizations);
        Assert.Equal(["局党组 书记"], q.Filters.Speakers);
        Assert.Equal("窗口", Assert.Single(q.Excluded).MatchForm);
    }

    [Fact]
    public void WhenYearRangeIsReversed_ShouldNormaliseIt()
    {
        Assert.Equal([(2018, 2022)], QueryParser.Parse("year:2022..2018").Filters.Years);
    }

    [Theory]
    [InlineData("ｙｅａｒ：２０２２ 作风建设", 2022, 2022)] // typed with the input method's full-width letters (the user trial's: searched as words)
    [InlineData("ＹＥＡＲ:２０１８．．２０２２ 作风建设", 2018, 2022)]
    [InlineData("year：２０２０ 作风建设", 2020, 2020)]
    public void WhenAFilterIsTypedInFullWidthLetters_ShouldReadItAsTheFilter(string text, int from, int to)
    {
        var q = QueryParser.Parse(text);

        Assert.Equal([(from, to)], q.Filters.Years);
        Assert.Equal("作风建设", Assert.Single(q.Required).Alternatives.Single().MatchForm);
    }

    [Theory]
    [InlineData("-\"", "减号")]
    [InlineData("作风 -“ 纪律", "减号")]
    [InlineData("\"", "只有标点")]
    [InlineData("OR 作风", "OR")]
    [InlineData("作风 OR", "OR")]
    [InlineData("作风 OR OR 纪律", "OR")]
    [InlineData("作风 -", "减号")]
    [InlineData("year:abc", "年份")]
    [InlineData("year:", "缺少取值")]
    [InlineData("作风\u0007", "控制字符")]
    [InlineData("-year:2022", "不能排除")]
    [InlineData("作风建设 -theme:conduct", "-theme")]
    [InlineData("、，。", "只有标点")]
    [InlineData("((", "只有标点")]
    [InlineData("“”", "只有标点")]
    [InlineData("AND", "第 1 列的 AND 两边")]
    [InlineData("作风 AND", "第 4 列的 AND 两边")]
    [InlineData("AND 作风", "AND 两边")]
    [InlineData("作风 && && 纪律", "第 7 列的 && 两边")]
    [InlineData("作风 OR AND 纪律", "AND 两边")]
    [InlineData("作风 NOT", "第 4 列的 NOT 后面缺少")]
    [InlineData("NOT OR 作风", "NOT 后面缺少")]
    [InlineData("作风 NOT -纪律", "NOT 后面缺少")]
    [InlineData("作风 NOT year:2022", "第 4 列的 NOT year: 筛选条件不能排除")]
    public void WhenQueryIsMalformed_ShouldThrowOneLineNamingTheProblem(string query, string expected)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("\"未闭合的引号", "未闭合的引号")]
    [InlineData("作风 \"", "作风")]
    [InlineData("“两个确立的决定性意义", "两个确立的决定性意义")]
    [InlineData("两个确立”的决定性意义", "两个确立”的决定性意义")]
    [InlineData("作风 “纪律", "作风 纪律")]
    [InlineData("“作风 \"纪律\"", "作风 \"纪律\"")]
    [InlineData("“作风 -“形式主义", "作风")]
    [InlineData("\"作风\" \"纪律", "\"作风\" 纪律")]
    public void WhenAQuoteIsUnpaired_ShouldReadItAsPunctuation(string query, string expected)
    {
        var parsed = QueryParser.Parse(query);

        Assert.Equal(expected, QueryParser.Describe(parsed));
    }

    [Theory]
    [InlineData("作风建设 NOT 窗口")]
    [InlineData("作风建设 NOT \"窗口\"")]
    [InlineData("作风建设 AND NOT 窗口")]
    [InlineData("NOT 窗口 作风建设")]
    [InlineData("作风建设 NOT“窗口”")]
    [InlineData("作风建设 NOT\"窗口\"")]
    public void WhenNotPrecedesAWord_ShouldExcludeItAsAMinusDoes(string query)
    {
        var parsed = QueryParser.Parse(query);

        Assert.Equal("窗口", Assert.Single(parsed.Excluded).MatchForm);
        Assert.Equal("作风建设", Assert.Single(Assert.Single(parsed.Required).Alternatives).MatchForm);
    }

    [Fact]
    public void WhenAnUnpairedQuoteFollowsAMinusOrAFilter_ShouldKeepThem()
    {
        var parsed = QueryParser.Parse("作风 -“形式主义 speaker:“局党组");

        Assert.Equal("形式主义", Assert.Single(parsed.Excluded).MatchForm);
        Assert.Equal(["局党组"], parsed.Filters.Speakers);
    }

    [Fact]
    public void WhenAnUnpairedQuoteStandsBeforeAFilter_ShouldStillReadTheFilter()
    {
        Assert.Equal([(2022, 2022)], QueryParser.Parse("作风 \"year:2022").Filters.Years);
        Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse("作风 -\"year:2022")); // a filter is not excluded, quote or not
        Assert.Equal("作风", Assert.Single(QueryParser.Parse("纪律 -“\"作风\"").Excluded).MatchForm);
    }

    [Fact]
    public void WhenQueryIsTenThousandCharacters_ShouldRefuseItClearly()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(new string('党', 10_000)));

        Assert.Contains("10000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenOnlyPunctuationIsTypedBesideAFilterFromTheUrl_ShouldStillRefuseIt()
    {
        Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse("。。", ["year:2020"]));
        Assert.False(QueryParser.Parse("", ["year:2020"]).HasWords); // a filter alone lists what it keeps
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-作风")]
    [InlineData("year:2022")]
    public void WhenQueryHasNoWordsButIsNoBarePunctuation_ShouldParse(string query)
    {
        Assert.False(QueryParser.Parse(query).HasWords); // blank lists the archive; an exclusion or a filter alone lists what it keeps
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void WhenAQueryHoldsParenthesesOrDashes_ShouldReadThemAsGroupsOrPunctuation(string query, string read, string excluded)
    {
        var parsed = QueryParser.Parse(query);

        Assert.Equal(read, QueryParser.Describe(parsed));
        Assert.Equal(excluded, string.Join(' ', parsed.Excluded.Select(w => w.Text)));
    }

    [Theory]
    [MemberData(nameof(GroupErrors))]
    public void WhenAGroupCannotBeSearched_ShouldThrowOneLineNamingTheColumn(string query, string expected)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void WhenAGroupHoldsAFilter_ShouldApplyItToTheWholeQuery()
    {
        var parsed = QueryParser.Parse("(巡视 OR 巡察 year:2020) 整改 year:2021");

        Assert.Equal([(2020, 2020), (2021, 2021)], parsed.Filters.Years);
        Assert.Equal("巡视 OR 巡察 整改", QueryParser.Describe(parsed));
    }

    [Fact]
    public void WhenAGroupIsExcluded_ShouldListEachOfItsWordsAsAnExclusionTyped()
    {
        var (filters, exclusions) = QueryParser.Operators("作风 -(形式主义 OR \"官僚 主义\") (监督 year:2020)");

        Assert.Equal(["-形式主义", "-\"官僚 主义\""], exclusions.Select(e => e.Typed));
        Assert.Equal(["year:2020"], filters.Select(f => f.Typed));
    }

    [Fact]
    public void WhenAGroupHasParenthesesOfBothWidths_ShouldReadAsTheSameQuery()
    {
        var halfWidth = QueryParser.Parse("(全面从严治党 OR 作风建设) 监督");

        foreach (var query in (string[])["（全面从严治党 OR 作风建设） 监督", "全面从严治党 OR 作风建设 监督", "(全面从严治党 OR 作风建设） 监督"])
        {
            var other = QueryParser.Parse(query);
            Assert.Equal(halfWidth.Required.Select(c => c.Alternatives.Select(a => (a.Text, a.MatchForm)).ToList()), other.Required.Select(c => c.Alternatives.Select(a => (a.Text, a.MatchForm)).ToList()));
        }
    }
}
