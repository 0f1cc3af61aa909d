using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The topical order (<c>Ranker.Topical.cs</c>): a term matched strictly has its passages squarely about it above those naming
/// it in passing, within the tiers the strict ranking keeps, the same order on every page; and its learner.
/// </summary>
public sealed class TopicalOrderTests : IDisposable
{
    private readonly TempFolder temp = new();

    /// <summary>
    /// Short passages naming the term once in a list, and a long one about it (which BM25's length norm ranks below them); ten
    /// passages hold the term as written, so it is matched strictly (a formulation), as a topic is.
    /// </summary>
    private static readonly (string, string, string, string)[] InPassingAndAboutIt =
    [
        ("a.md", "2021-01-01", "甲", "统筹推进西部大开发、东北振兴、中部崛起。"),
        .. Enumerable.Range(0, 8).Select(i => ($"m{i}.md", $"201{i}-06-01", $"列举{i}", $"第{i + 1}项，推进西部大开发和区域协调发展。")),
        ("b.md", "2022-01-01", "乙",
            "西部大开发是全局性的战略任务，要加快西部地区基础设施建设，加强生态环境保护和建设，积极调整产业结构，大力发展科技教育和文化卫生事业。" +
            "要坚持从实际出发，突出重点，分步实施，防止一哄而起，把加快发展同保护生态结合起来，把发挥市场作用同政府引导结合起来，" +
            "把国家支持同地方自力更生结合起来。国家在资金投入、税收政策、对外开放等方面给予支持，东部地区要积极参与，" +
            "促进地区协调发展，逐步缩小地区差距，让各族群众共享改革发展成果。推进西部大开发，要一年接着一年干，一张蓝图绘到底。"),
    ];

    [Fact]
    public void WhenATermIsNamedInPassingAndDiscussedElsewhere_ShouldRankThePassageAboutItFirst()
    {
        var index = TinyCorpus.Index(temp, InPassingAndAboutIt);
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var ordered = searcher.Search(new SearchRequest { Query = "西部大开发" });
        var bm25 = searcher.Search(new SearchRequest { Query = "西部大开发", OrderTopically = false });

        Assert.Equal(10, ordered.Total);
        Assert.Null(ordered.Reading); // matched strictly, not read as free text
        Assert.StartsWith("西部大开发是全局性的战略任务", ordered.Hits[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("全局性", bm25.Hits[0].Text, StringComparison.Ordinal); // BM25's length norm prefers a short mention
        Assert.Equal(bm25.Hits.Select(h => h.PassageId).Order(), ordered.Hits.Select(h => h.PassageId).Order());
        Assert.Equal(bm25.Hits.Select(h => h.Score), ordered.Hits.Select(h => h.Score)); // the scores stay in their places: the page reads best first
    }

    [Fact]
    public void WhenAPassageOpensByNamingTheTerm_ShouldCountItInTheLeadClauseAndNotOneReachingItAfterACommaOrInAList()
    {
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "二是大力发展职业教育，加强技能培训，提高劳动者素质。"),
            ("b.md", "2021-02-01", "乙", "教育是国家发展的基石，大力发展职业教育，提高劳动者素质。"),
            ("c.md", "2021-03-01", "丙", "教育是基石。大力发展职业教育。"),
            ("d.md", "2021-04-01", "丁", "發展職業教育，是長遠之計。"), // traditional characters, folded as the index folds them
            ("e.md", "2021-05-01", "戊", "统筹发展职业教育、高等教育和继续教育，提高劳动者素质。"),
            ("f.md", "2021-06-01", "己", "第一，职业教育要面向市场，提高劳动者素质。"), // after a point marker that holds a comma
            ("g.md", "2021-07-01", "庚", "三、职业教育和技能培训。"), // after a point marker that holds a list mark
            ("h.md", "2021-08-01", "辛", "投入1,000亿元发展职业教育，提高劳动者素质。")); // a comma between digits ends no clause
        int Doc(string start) => Enumerable.Range(0, index.Passages.Count).Single(d => index.Passages[d].SourceText[index.Passages[d].Start..].StartsWith(start, StringComparison.Ordinal));

        Assert.True(Ranker.InLeadClause(index, Doc("二是"), ["职业教育"]));
        Assert.False(Ranker.InLeadClause(index, Doc("教育是国家"), ["职业教育"])); // in its first sentence, after a comma
        Assert.False(Ranker.InLeadClause(index, Doc("教育是基石"), ["职业教育"])); // in its second sentence
        Assert.True(Ranker.InLeadClause(index, Doc("發展"), ["职业教育"]));
        Assert.False(Ranker.InLeadClause(index, Doc("统筹"), ["职业教育"])); // one item of the list it opens on
        Assert.True(Ranker.InLeadClause(index, Doc("第一"), ["职业教育"]));
        Assert.True(Ranker.InLeadClause(index, Doc("三、"), ["职业教育"]));
        Assert.True(Ranker.InLeadClause(index, Doc("投入"), ["职业教育"]));
        Assert.False(Ranker.InLeadClause(index, Doc("二是"), ["十大"])); // nor a word the clause does not hold
        Assert.Equal("in lead clause", Ranker.TopicalFeatureNames[^1]);
        Assert.Equal(Ranker.TopicalFeatureNames.Length, Ranker.TopicalWeights.Length);
    }

    [Fact]
    public void WhenSortedByDateOrAskedExactly_ShouldKeepTheirOwnOrder()
    {
        var index = TinyCorpus.Index(temp, InPassingAndAboutIt);
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var exact = searcher.Search(new SearchRequest { Query = "西部大开发", Mode = SearchMode.Exact });
        var byDate = searcher.Search(new SearchRequest { Query = "西部大开发", Sort = SearchSort.DateAscending });

        Assert.DoesNotContain("全局性", exact.Hits[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("第1项", byDate.Hits[0].Text, StringComparison.Ordinal); // 2010, the oldest
    }

    [Fact]
    public void WhenOnlyOnePassageHoldsAPhraseAsWritten_ShouldKeepItFirstWhateverTheOthersTreatment()
    {
        // The second passage holds the phrase only across punctuation, but often, early and at length: the strict ranking's
        // tier (as written first) is kept.
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "参与国有企业的改组改造。"),
            ("b.md", "2022-01-01", "乙",
                "企业的改组、改造是国有企业改革的重要内容。要把企业的改组、改造同加强管理结合起来，通过企业的改组、改造，" +
                "形成一批有竞争力的大公司和企业集团，放开搞活国有小企业，推进技术进步，提高经济效益。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "企业的改组改" });
        var withoutTier = searcher.Search(new SearchRequest { Query = "企业的改组改", OrderTopically = false });

        Assert.Equal(2, result.Total);
        Assert.StartsWith("参与国有企业的改组改造", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(withoutTier.Hits.Select(h => h.PassageId), result.Hits.Select(h => h.PassageId));
    }

    [Fact]
    public void WhenPagedThrough_ShouldGiveTheSameOrderAsOnePage()
    {
        // Seventy passages holding the term, of different lengths and treatments: the pages put together, whatever their size,
        // are one page of seventy; the best fifty are reordered, the rest keep BM25's order.
        var speeches = Enumerable.Range(0, 70).Select(i => (
            $"s{i:00}.md", $"20{10 + (i % 12)}-01-01", $"讲话{i}",
            i % 3 == 0
                ? $"要抓好节能减排工作。{string.Concat(Enumerable.Repeat("推进工业、建筑、交通等领域节能，", 1 + (i % 5)))}节能减排是硬任务。"
                : $"{string.Concat(Enumerable.Repeat("加强基础设施建设，", 1 + (i % 7)))}做好节能减排等工作。")).ToArray();
        var index = TinyCorpus.Index(temp, speeches);
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        SearchResult Page(int offset, int limit, bool ordered = true) =>
            searcher.Search(new SearchRequest { Query = "节能减排", Offset = offset, Limit = limit, OrderTopically = ordered });

        var whole = Page(0, 70);
        var bm25 = Page(0, 70, ordered: false);

        Assert.Equal(70, whole.Total);
        Assert.Null(whole.Reading);
        foreach (var size in new[] { 10, 7, 25 })
        {
            var paged = Enumerable.Range(0, (70 + size - 1) / size).SelectMany(p => Page(p * size, size).Hits).ToList();
            Assert.Equal(whole.Hits.Select(h => h.PassageId), paged.Select(h => h.PassageId));
        }

        Assert.Equal(whole.Hits.Select(h => h.Score).OrderDescending(), whole.Hits.Select(h => h.Score));
        Assert.NotEqual(bm25.Hits.Take(50).Select(h => h.PassageId), whole.Hits.Take(50).Select(h => h.PassageId)); // the order did reorder them
        Assert.Equal(bm25.Hits.Take(50).Select(h => h.PassageId).Order(), whole.Hits.Take(50).Select(h => h.PassageId).Order());
        Assert.Equal(bm25.Hits.Skip(50).Select(h => h.PassageId), whole.Hits.Skip(50).Select(h => h.PassageId));
        Assert.Empty(Page(20, 0).Hits);
        Assert.Equal(70, Page(20, 0).Total);
    }

    [Fact]
    public void WhenSeveralWordsStandTogetherInSomePassages_ShouldKeepThoseFirst()
    {
        // Ten passages hold 下岗职工再就业 together; a long one, about both at length, holds them apart: the proximity reward's
        // tier is kept, however well the long one treats the words.
        var index = TinyCorpus.Index(
            temp,
            [
                .. Enumerable.Range(0, 10).Select(i => ($"t{i}.md", $"201{i}-03-01", $"报告{i}", $"第{i + 1}条，做好下岗职工再就业工作。")),
                ("long.md", "2022-01-01", "长篇",
                    "下岗职工的基本生活保障要落实到位，确保按时足额发放基本生活费。下岗职工是改革的参与者，要关心他们的冷暖。" +
                    "要多渠道开发就业岗位，发展劳动密集型产业和社区服务业，对下岗职工开展职业培训，提高他们的就业能力。" +
                    "鼓励自谋职业和组织起来就业，落实税收减免和小额贷款等扶持政策，实现再就业。再就业工作要纳入政府考核。"),
            ]);
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "下岗职工 再就业", Limit = 20 });

        Assert.Equal(11, result.Total);
        Assert.StartsWith("下岗职工的基本生活保障", result.Hits[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAWordIsHeldByTooManyPassagesToBeATopic_ShouldKeepBm25sOrder()
    {
        // One speech of 2,100 paragraphs holding the word: twenty short mentions (BM25's best), ten passages about it (the
        // order's best, as the first test's), the rest long mentions at their ends.
        var about = "节能减排是硬任务，要抓好节能减排工作。" + string.Concat(Enumerable.Repeat("推进工业、建筑、交通等领域节能，", 5)) + "加强考核。";
        var body = string.Join("\n\n", Enumerable.Range(0, Ranker.TopicalBelow + 52).Select(i =>
            i < 20 ? $"第{i + 1}项，做好节能减排。"
            : i < 30 ? about
            : $"{string.Concat(Enumerable.Repeat("加强基础设施建设，完善公共服务体系，", 4 + (i % 5)))}做好节能减排等工作。"));
        var index = TinyCorpus.Index(temp, ("big.md", "2020-01-01", "长篇", body));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "节能减排", Limit = 20 });
        var bm25 = searcher.Search(new SearchRequest { Query = "节能减排", Limit = 20, OrderTopically = false });

        Assert.Equal(Ranker.TopicalBelow + 52, result.Total);
        Assert.Equal(bm25.Hits.Select(h => h.PassageId), result.Hits.Select(h => h.PassageId));
        Assert.StartsWith("第", result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenGroupedBySpeech_ShouldKeepBm25sOrder()
    {
        var index = TinyCorpus.Index(temp, InPassingAndAboutIt);
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var grouped = searcher.Search(new SearchRequest { Query = "西部大开发", GroupBySpeech = true });
        var groupedBm25 = searcher.Search(new SearchRequest { Query = "西部大开发", GroupBySpeech = true, OrderTopically = false });

        Assert.Equal(groupedBm25.Hits.Select(h => h.PassageId), grouped.Hits.Select(h => h.PassageId));
        Assert.DoesNotContain("全局性", grouped.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ShouldWeighTheFeatureThatSeparatesTheBetterPassages()
    {
        // Better minus worse: the first feature is always positive, the second is noise around 0.
        var pairs = Enumerable.Range(0, 40).Select(i => new[] { 0.5 + (i / 2 % 4 * 0.25), i % 2 == 0 ? 1.0 : -1.0 }).ToList();

        var weights = TopicalOrderLearner.Fit(pairs, 2);

        Assert.True(weights[0] > 1, $"separating weight {weights[0]}");
        Assert.Equal(0, weights[1], 6);
    }

    [Fact]
    public void Learn_ShouldWeighWhatTellsTheJudgedPassagesApart()
    {
        // Two topic needs on the tune split, whose passages judged 2 are the ones writing the term most often.
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "节能减排是硬任务，节能减排要落实到企业，节能减排要考核。"),
            ("b.md", "2021-02-01", "乙", "做好节能减排和安全生产等工作。"),
            ("c.md", "2021-03-01", "丙", "乡村振兴要产业先行，乡村振兴要人才支撑，乡村振兴要文化繁荣。"),
            ("d.md", "2021-04-01", "丁", "统筹新型城镇化和乡村振兴。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        var needs = new List<TopicalNeed> { new("t1", "topic", "tune", "节能减排", "讲节能减排"), new("t2", "topic", "tune", "乡村振兴", "讲乡村振兴") };
        var ids = searcher.Search(new SearchRequest { Query = "节能减排 OR 乡村振兴", Limit = 10 }).Hits.ToDictionary(h => h.Text[..2], h => h.PassageId);
        var judgments = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["t1"] = new Dictionary<string, int> { [ids["节能"]] = 2, [ids["做好"]] = 1 },
            ["t2"] = new Dictionary<string, int> { [ids["乡村"]] = 2, [ids["统筹"]] = 1 },
        };

        var model = TopicalOrderLearner.Learn(searcher, new TopicalSet(needs, judgments));
        var both = LearnedOrders.Learn(searcher, new TopicalSet(needs, judgments)); // what --learn-order prints: no question to learn from

        Assert.Equal(model.Weights, both.Topical!.Weights);
        Assert.Null(both.FreeText);
        Assert.Null(both.Statements);
        Assert.Equal(2, both.Unlearned.Count); // neither a question's order nor a statement's
        Assert.All(both.Unlearned, reason => Assert.Contains("no question or paraphrase need", reason, StringComparison.Ordinal));
        Assert.Equal((2, 2, 4), (model.Pairs, model.Needs, model.Candidates));
        Assert.True(model.Weights.All(double.IsFinite));
        Assert.Equal(Ranker.TopicalFeatureNames.Length, model.Weights.Length);
        Assert.True(model.Weights[Array.IndexOf(Ranker.TopicalFeatureNames, "log(1 + occurrences)")] > 0);
    }

    [Theory]
    [InlineData("topic", "怎样开发西部", "讲西部大开发", "no topic need of the tune split is matched strictly")] // read as free text
    [InlineData("question", "西部大开发", "讲西部大开发", "the set has no topic need of the tune split")]
    [InlineData("topic", "西部大开发", "讲西部大开发", "no two passages of a topic need of the tune split are judged with different grades")]
    public void Learn_WhenThereIsNothingToLearnFrom_ShouldSaySo(string kind, string query, string need, string error)
    {
        var index = TinyCorpus.Index(temp, InPassingAndAboutIt);
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        var set = new TopicalSet([new TopicalNeed("n1", kind, "tune", query, need)], new Dictionary<string, IReadOnlyDictionary<string, int>>());

        var thrown = Assert.Throws<SpeechArchiveException>(() => TopicalOrderLearner.Learn(searcher, set));
        var neither = Assert.Throws<SpeechArchiveException>(() => LearnedOrders.Learn(searcher, set)); // nor the free-text order

        Assert.Contains(error, thrown.Message, StringComparison.Ordinal);
        Assert.Contains(error, neither.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
