using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Parentheses in a search (a product review: (全面从严治党 OR 作风建设) 监督 searched the terms “(全面从严治党” and “作风建设)”):
/// a group finds what the same clauses without it find, the terms shown are the words, a title's or heading's own
/// parentheses still find it, and a dash before a word is punctuation.
/// </summary>
public sealed class QueryGroupTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Searcher searcher;

    public QueryGroupTests()
    {
        folder.Write("corpus/2019-rules.md", """
            ---
            title: 关于加强党内监督的规定（试行）
            date: 2019-06-01
            ---
            第一条 为了加强党内监督，推进全面从严治党，制定本规定。
            第二条 党内监督必须坚持党的领导，把监督贯穿全过程。
            """);
        folder.Write("corpus/2021-conduct.md", """
            ---
            title: 在作风建设推进会上的讲话
            date: 2021-04-20
            ---
            同志们：今天召开推进会，部署今年的作风建设任务。

            一、总体要求

            （一）持续加强作风建设

            要把作风建设与日常监督结合起来，久久为功，驰而不息。

            （二）深化巡察整改

            巡察发现的问题要逐项整改到位，不搞形式主义。
            """);
        folder.Write("corpus/2022-discipline.md", """
            ---
            title: 在全面从严治党工作会议上的讲话
            date: 2022-02-15
            ---
            同志们：全面从严治党永远在路上，要强化监督执纪问责。

            要以钉钉子精神抓好巡视整改，把整改成果转化为治理效能。
            """);
        folder.Write("corpus/2020-style.md", """
            ---
            title: 在纠治四风工作会议上的讲话
            date: 2020-09-10
            ---
            作风建设是永恒课题，要持之以恒纠治四风。

            全面从严治党要落到基层，巡察整改要见实效。
            """);
        searcher = folder.IndexAndSearch();
    }

    [Theory]
    [InlineData("(全面从严治党 OR 作风建设) 监督", "全面从严治党 OR 作风建设 监督")]
    [InlineData("监督 （全面从严治党 OR 作风建设）", "监督 全面从严治党 OR 作风建设")]
    [InlineData("(巡察 OR 巡视 OR \"形式 主义\") 整改 -形式主义 year:2020..2022", "巡察 OR 巡视 OR \"形式 主义\" 整改 -形式主义 year:2020..2022")]
    [InlineData("(全面从严治党) 监督", "全面从严治党 监督")]
    [InlineData("(作风建设)", "作风建设")]
    [InlineData("巡察 —整改", "巡察 整改")]
    [InlineData("巡察 ——整改", "巡察 整改")]
    [InlineData("(全面从严治党 OR 作风建设 监督", "全面从严治党 OR 作风建设 监督")] // a stray parenthesis is left out
    public void WhenAQueryIsGroupedOrDashed_ShouldFindWhatTheSameWordsWithoutFind(string typed, string plain)
    {
        var grouped = Search(typed);
        var reference = Search(plain);

        Assert.True(reference.Total > 0);
        Assert.Equal(reference.Total, grouped.Total);
        Assert.Equal(reference.Hits.Select(h => (h.PassageId, h.Match, h.Score)), grouped.Hits.Select(h => (h.PassageId, h.Match, h.Score)));
        Assert.Equal(reference.Searched.Order(), grouped.Searched.Order());
        Assert.Equal(reference.Reading?.Words.Select(w => w.Word), grouped.Reading?.Words.Select(w => w.Word));
        Assert.DoesNotContain(grouped.Searched, t => t.IndexOfAny(['(', ')', '（', '）', '—']) >= 0);
    }

    [Fact]
    public void WhenAGroupIsSearched_ShouldGiveWhatTheExhaustivePassGives()
    {
        var exhaustive = new Searcher(searcher.Index, QueryUnderstanding.Default) { Exhaustive = true };
        var request = new SearchRequest { Query = "(全面从严治党 OR 作风建设) (监督 OR 整改)", Limit = 50 };

        var fast = searcher.Search(request);
        var reference = exhaustive.Search(request);

        Assert.True(fast.Total > 0);
        Assert.Equal(reference.Total, fast.Total);
        Assert.Equal(reference.Hits.Select(h => (h.PassageId, h.Score)), fast.Hits.Select(h => (h.PassageId, h.Score)));
    }

    [Theory]
    [InlineData("规定（试行）", "2019-rules")]
    [InlineData("关于加强党内监督的规定（试行）", "2019-rules")]
    [InlineData("（一）持续加强作风建设", "2021-conduct")]
    [InlineData("（二）深化巡察整改", "2021-conduct")]
    public void WhenATitleOrHeadingIsTypedWithItsParentheses_ShouldStillFindIt(string query, string speech)
    {
        var result = Search(query);

        Assert.Equal(speech, result.Hits[0].SpeechId);
        Assert.Equal([query], result.Searched); // the text's own parentheses, not a group
    }

    [Theory]
    [InlineData("(作风建设 监督) OR 巡察", "第 1 列的括号")]
    [InlineData("监督 OR (作风建设 -形式主义)", "第 7 列的括号")]
    [InlineData("-(作风建设 监督)", "第 1 列排除的括号")]
    public void WhenAGroupCannotBeSaidAsClauses_ShouldRefuseItNamingTheColumn(string query, string expected)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => Search(query));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAGroupIsExcluded_ShouldDropPassagesHoldingAnyOfItsWords()
    {
        var all = Search("整改");
        var without = Search("整改 -(形式主义 OR 钉钉子精神)");

        Assert.Contains(all.Hits, h => h.Text.Contains("形式主义", StringComparison.Ordinal));
        Assert.Contains(all.Hits, h => h.Text.Contains("钉钉子精神", StringComparison.Ordinal));
        Assert.NotEmpty(without.Hits);
        Assert.DoesNotContain(without.Hits, h => h.Text.Contains("形式主义", StringComparison.Ordinal) || h.Text.Contains("钉钉子精神", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();

    private SearchResult Search(string query) => searcher.Search(new SearchRequest { Query = query, Limit = 50 });
}
