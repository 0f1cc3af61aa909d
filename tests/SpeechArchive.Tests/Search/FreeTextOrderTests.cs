using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The free-text order (<c>Ranker.FreeTextOrder.cs</c>): free text ranked with its meaning has its first passages ordered
/// again by how they treat it, within the free-text tiers, by the questions' weights or the statements'; free text ranked by
/// its words alone keeps the fused order.
/// </summary>
public sealed class FreeTextOrderTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>, IDisposable
{
    private readonly TempFolder temp = new();

    /// <summary>What makes a passage a speech paragraph rather than an article of law (150 characters or more).</summary>
    private static readonly string Paragraph = string.Concat(Enumerable.Repeat("各级政府要转变作风，深入基层，倾听群众意见，切实解决群众生产生活中的实际困难。", 4));

    /// <summary>
    /// Passages naming 西部大开发 once among other work (ranked first by BM25's length norm) and one longer passage about it.
    /// </summary>
    private static readonly (string, string, string, string)[] InPassingAndAboutIt =
    [
        .. Enumerable.Range(0, 8).Select(i => ($"m{i}.md", $"201{i}-06-01", $"列举{i}",
            $"第{i + 1}项，做好春耕备耕和粮食收购，稳定物价，办好教育卫生事业，推进西部大开发，抓好安全生产和信访工作。{Paragraph}")),
        ("b.md", "2022-01-01", "乙",
            "西部大开发是全局性的战略任务，推进西部大开发，要加快西部地区基础设施建设，加强生态环境保护和建设，积极调整产业结构，" +
            "大力发展科技教育和文化卫生事业。要坚持从实际出发，突出重点，分步实施，把加快发展同保护生态结合起来，" +
            "国家在资金投入、税收政策、对外开放等方面给予支持，推进西部大开发要一年接着一年干，一张蓝图绘到底。"),
    ];

    /// <summary>Passages naming 西部大开发 and 基础设施 among different work, each its own text.</summary>
    private static readonly (string, string, string, string)[] Distinct =
    [
        ("d1.md", "2015-03-01", "丁", "西部大开发要加快交通基础设施建设，修好铁路公路和机场，让山区群众出行更方便，货物运得出去。"),
        ("d2.md", "2016-03-01", "戊", "推进西部大开发，水利基础设施是命脉，要建设骨干水源工程，解决干旱缺水地区的灌溉和饮水问题。"),
        ("d3.md", "2017-03-01", "己", "西部大开发中的生态保护不能放松，退耕还林还草，治理水土流失，基础设施建设要避开生态红线。"),
        ("d4.md", "2018-03-01", "庚", "教育和人才是西部大开发的关键，要改善学校办学条件这一基础设施，培养和留住本地人才。"),
        ("d5.md", "2019-03-01", "辛", "西部大开发要发挥能源资源优势，建设电网和油气管道等基础设施，把资源优势转化为经济优势。"),
    ];

    [Theory]
    [InlineData("怎样防止干部腐败", true)]
    [InlineData("如何加强作风建设", true)]
    [InlineData("为什么要全面从严治党", true)]
    [InlineData("防止干部腐败的办法", false)] // asking nothing: a statement
    [InlineData("当官的收钱替人办事", false)]
    [InlineData("全面从严治党永远在路上的要求", false)] // a statement holding most of a formulation in order: a near tier, kept
    [InlineData("推动全面从严治党向纵深发展的办法", false)]
    public void WhenFreeTextIsSearched_ShouldOrderItsPagesByTheLearnedScoreOfTheRowsTheLearnerSees(string query, bool question)
    {
        // What the learner is given (the fused order's best 50 with their features), ordered by the committed weights of its
        // reading within the tiers it reorders (a statement's: the last), is what the search shows, page by page; the scores
        // stay where the fused order put them.
        var rows = seeds.Searcher.FreeTextCandidates(query, question);
        var weights = question ? Ranker.FreeTextWeights : Ranker.StatementWeights;
        // A question's order moves all but the passages ranked first by a title (0); a statement's only the rest: by a title
        // (0), as written (1) and near (2) keep the fused order.
        var fromTier = question ? Ranker.QuestionsFromTier : Ranker.StatementsFromTier;
        Assert.Equal((1, 3), (Ranker.QuestionsFromTier, Ranker.StatementsFromTier));
        SearchResult Page(int offset, bool ordered = true) =>
            seeds.Searcher.Search(new SearchRequest { Query = query, Offset = offset, Limit = 10, NearMatches = false, OrderTopically = ordered });

        Assert.True(rows.Count >= 20, $"{rows.Count} candidates");
        Assert.Empty(seeds.Searcher.FreeTextCandidates(query, !question)); // read one way only
        double Score((string Passage, int Tier, double[] Features) r) => r.Features.Select((x, f) => x * weights[f]).Sum();
        var expected = rows.Select((r, i) => (r.Passage, r.Tier, Score: r.Tier >= fromTier ? Score(r) : 0, At: i))
            .OrderBy(r => r.Tier).ThenByDescending(r => r.Score).ThenBy(r => r.At).Select(r => r.Passage).ToList();
        var kept = rows.Where(r => r.Tier < fromTier).ToList();
        if (kept.Count > 0)
        {
            // The weights would have moved the tiers a statement's order keeps: this search tells the two apart.
            Assert.NotEqual(kept.Select(r => r.Passage), kept.OrderByDescending(Score).Select(r => r.Passage));
        }

        var shown = Page(0).Hits.Concat(Page(10).Hits).ToList();
        var fused = Page(0, ordered: false).Hits.Concat(Page(10, ordered: false).Hits).ToList();

        Assert.Equal(expected.Take(20), shown.Select(h => h.PassageId));
        Assert.Equal(rows.Take(20).Select(r => r.Passage), fused.Select(h => h.PassageId)); // the learner's rows are in the fused order
        Assert.NotEqual(fused.Select(h => h.PassageId), shown.Select(h => h.PassageId)); // the order moved some
        Assert.Equal(fused.Select(h => h.Score), shown.Select(h => h.Score));
    }

    [Fact]
    public void FormulationsOnly_ShouldLeaveOutAFormulationTheQueryAlsoSearchesAsAWordOrPhrase()
    {
        QueryWord Word(string text) => new(text, false, text);
        var query = new FreeTextQuery([Word("离婚后孩子跟谁")], [new WordSlot("孩子", [Word("孩子")], [Word("子女")])], [], [], 1, [new QueryWord("直接抚养", true, "直接抚养")], false, true)
        {
            Formulations = [Word("直接抚养"), Word("抚养费"), Word("子女")],
        };

        Assert.Equal(["抚养费"], query.FormulationsOnly());
    }

    [Fact]
    public void FreeTextRows_ShouldGiveTheShareOfTheQuestionsWordsEachPassageHolds()
    {
        var index = TinyCorpus.Index(
            temp,
            [
                .. InPassingAndAboutIt,
                ("both.md", "2023-01-01", "丙", "西部大开发要先抓基础设施，交通水利基础设施是西部地区发展的前提。"),
            ]);
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        var held = Array.IndexOf(Ranker.FreeTextFeatureNames, "words held");

        var rows = searcher.FreeTextCandidates("西部大开发的基础设施怎么搞");

        Assert.NotEmpty(rows); // a question ranked with its meaning: the order takes it
        var bothId = searcher.Search(new SearchRequest { Query = "交通水利基础设施", Mode = SearchMode.Exact }).Hits.Single(h => h.Text.Contains("交通水利", StringComparison.Ordinal)).PassageId;
        var both = rows.Single(r => r.Passage == bothId);
        Assert.Equal(1.0, both.Features[held], 9);
        Assert.Equal(1.0, rows.Single(r => r.Passage == "b:1").Features[held], 9); // it says 基础设施 too
        Assert.Equal(8, rows.Count(r => r.Passage.StartsWith('m')));
        Assert.All(rows.Where(r => r.Passage.StartsWith('m')), r => Assert.InRange(r.Features[held], 0.01, 0.99)); // 西部大开发 alone
        Assert.All(rows, r => Assert.Equal(3, r.Tier)); // no title, no run as written, and a question is not ranked by its order: one tier
        Assert.Empty(searcher.FreeTextCandidates("西部大开发的基础设施建设", question: true)); // asking nothing: a statement
        Assert.NotEmpty(searcher.FreeTextCandidates("西部大开发的基础设施建设", question: false));
    }

    [Fact]
    public void FreeTextRows_ShouldTellThePassagesOfTheFirstFormulationReadFromThoseOfTheSecond()
    {
        // 老百姓手里有钱也舍不得花 is read as 扩大内需 (老百姓有钱才敢花) and, a little further, 扩大消费: both are searched, and a
        // passage holding the first is told from one holding only the second (the test split's p08 once read 居家养老 second,
        // and its passages came first).
        var index = TinyCorpus.Index(
            temp,
            [
                ("x.md", "2014-03-01", "甲", "扩大内需是经济增长的主要动力，要发挥好消费的基础作用，增加居民收入，让群众有钱花、敢花钱。" + Paragraph),
                ("y.md", "2015-03-01", "乙", "积极扩大消费，培育新的消费热点，完善促进消费的政策，让居民愿意消费、放心消费。" + Paragraph),
                .. Distinct,
            ]);
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        var (any, first) = (Array.IndexOf(Ranker.FreeTextFeatureNames, "formulation"), Array.IndexOf(Ranker.FreeTextFeatureNames, "first formulation"));
        const string query = "老百姓手里有钱也舍不得花";

        var reading = searcher.Search(new SearchRequest { Query = query, Limit = 1 }).Reading!;
        var rows = searcher.FreeTextCandidates(query, question: false);

        Assert.Equal(["扩大内需", "扩大消费"], reading.Formulations);
        var (inner, spend) = (rows.Single(r => r.Passage == "x:1"), rows.Single(r => r.Passage == "y:1"));
        Assert.Equal((1.0, 1.0), (inner.Features[any], inner.Features[first]));
        Assert.Equal((1.0, 0.0), (spend.Features[any], spend.Features[first]));
    }

    [Theory]
    [InlineData("怎样防止干部腐败")]
    [InlineData("如何加强作风建设")]
    [InlineData("防止干部腐败的办法")]
    public void NearWhatHoldsTheWords_ShouldBeTheCosineWithWhatTheOtherBestTenHoldingTheWordsSay_TimesTheShareHeld(string query)
    {
        var rows = seeds.Searcher.FreeTextCandidates(query);
        var near = Array.IndexOf(Ranker.FreeTextFeatureNames, "near what holds the words");

        Assert.True(rows.Count > 10, $"{rows.Count} candidates"); // passages below the best ten too
        var expected = ExpectedNearness(seeds.Searcher.Index, rows, countReprints: false);
        Assert.All(rows.Select((r, i) => (r, i)), x => Assert.Equal(expected[x.i], x.r.Features[near], 4));
        Assert.Contains(rows, r => r.Features[near] > 0.1); // the passages holding the words are near each other
    }

    [Fact]
    public void NearWhatHoldsTheWords_ShouldCountATextPrintedTwiceOnce_AndLeaveOutAPassagesOwnReprint()
    {
        // Two speeches print one paragraph about 西部大开发: each copy is near the other by its vector, which must not count,
        // and for the other passages the text counts once.
        var about = InPassingAndAboutIt[^1].Item4;
        var index = TinyCorpus.Index(temp, [.. InPassingAndAboutIt, ("c.md", "2022-02-01", "丙", about), .. Distinct]);
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        var near = Array.IndexOf(Ranker.FreeTextFeatureNames, "near what holds the words");

        var rows = searcher.FreeTextCandidates("西部大开发的基础设施怎么搞");

        var at = rows.Select((r, i) => (r.Passage, i)).Where(x => x.Passage is "b:1" or "c:1").Select(x => x.i).ToList();
        Assert.Equal(2, at.Count);
        Assert.All(at, i => Assert.InRange(i, 0, 9)); // both among the best ten
        var expected = ExpectedNearness(index, rows, countReprints: false);
        var counted = ExpectedNearness(index, rows, countReprints: true);
        Assert.All(rows.Select((r, i) => (r, i)), x => Assert.Equal(expected[x.i], x.r.Features[near], 4));
        Assert.All(at, i => Assert.True(Math.Abs(counted[i] - expected[i]) > 0.01, $"{counted[i]} {expected[i]}")); // the rule matters here
        Assert.Contains(Enumerable.Range(0, rows.Count).Except(at), i => Math.Abs(counted[i] - expected[i]) > 0.001); // and for the others
    }

    /// <summary>
    /// "near what holds the words" made again from the passages' vectors: the cosine of each with the sum of the best ten's
    /// vectors but its own, each weighted by the share of the words it holds, a text printed twice counted once and the
    /// passage's own reprints left out (unless <paramref name="countReprints"/>), times its own share.
    /// </summary>
    private static double[] ExpectedNearness(IndexSnapshot index, List<(string Passage, int Tier, double[] Features)> rows, bool countReprints)
    {
        var held = Array.IndexOf(Ranker.FreeTextFeatureNames, "words held");
        var docOf = Enumerable.Range(0, index.Passages.Count).ToDictionary(d => index.Passages[d].Id);
        var vectors = SearchStructures.Of(index).PassageVectors!;
        var reprints = SearchStructures.Of(index).Reprints;
        var docs = rows.Select(r => docOf[r.Passage]).ToList();
        int Group(int i) => countReprints ? -1 : reprints.GroupOf(docs[i]);
        var top = Enumerable.Range(0, Math.Min(10, rows.Count))
            .Where(j => rows[j].Features[held] > 0 && (Group(j) < 0 || Enumerable.Range(0, j).All(e => Group(e) != Group(j))))
            .ToList();
        var result = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var sum = new double[vectors.Dimensions];
            foreach (var j in top.Where(j => j != i && (Group(i) < 0 || Group(j) != Group(i))))
            {
                var v = vectors.VectorOf(docs[j]);
                for (var d = 0; d < sum.Length; d++)
                {
                    sum[d] += rows[j].Features[held] * v[d];
                }
            }

            var mine = vectors.VectorOf(docs[i]);
            var norm = Math.Sqrt(sum.Sum(x => x * x));
            result[i] = rows[i].Features[held] * (norm > 1e-6 ? sum.Select((x, d) => x * mine[d]).Sum() / norm : 0);
        }

        return result;
    }

    [Fact]
    public void WhenRankedWithoutMeaning_ShouldKeepTheFusedOrder()
    {
        const string query = "怎样防止干部腐败";
        IEnumerable<string> Ids(bool ordered) => seeds.Searcher.Search(new SearchRequest
        {
            Query = query, Limit = 50, NearMatches = false, ByMeaning = false, OrderTopically = ordered,
        }).Hits.Select(h => h.PassageId);

        Assert.True(Ids(true).Count() >= 20);
        Assert.Equal(Ids(false), Ids(true));
    }

    [Fact]
    public void WhenAPassageHoldsTheQuestionAsWritten_ShouldKeepItFirst()
    {
        // The as-written tier is kept, however well the long passage treats the words.
        var index = TinyCorpus.Index(temp, [.. InPassingAndAboutIt, ("q.md", "2023-01-01", "问", "研究怎样推进西部大开发。")]);
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "怎样推进西部大开发" });

        var fused = searcher.Search(new SearchRequest { Query = "怎样推进西部大开发", OrderTopically = false });

        Assert.Equal(10, result.Total);
        Assert.Equal("研究怎样推进西部大开发。", result.Hits[0].Text);
        Assert.Equal(fused.Hits.Select(h => h.PassageId).Order(), result.Hits.Select(h => h.PassageId).Order());
        Assert.Equal(fused.Hits.Select(h => h.Score), result.Hits.Select(h => h.Score)); // the scores stay in their places
    }

    [Fact]
    public void WhenThePassagesCountedAreMostlyShortArticles_ShouldKeepTheFusedOrder()
    {
        // Articles of law (under 150 characters), which the order never learned from: the same question is not taken.
        var articles = Enumerable.Range(0, 8).Select(i => ($"a{i}.md", $"201{i}-06-01", $"条例{i}", $"第{i + 1}条 推进西部大开发，应当加强基础设施建设。")).ToArray();
        var index = TinyCorpus.Index(temp, [.. articles, ("b.md", "2022-01-01", "乙", InPassingAndAboutIt[^1].Item4)]);
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        Assert.Empty(searcher.FreeTextCandidates("西部大开发的基础设施怎么搞"));
        Assert.NotEmpty(TakenAmongParagraphs()); // the same question among speech paragraphs is taken

        IEnumerable<(string, int, double[])> TakenAmongParagraphs()
        {
            using var paragraphs = new TempFolder();
            return new Searcher(TinyCorpus.Index(paragraphs, InPassingAndAboutIt), QueryUnderstanding.Default).FreeTextCandidates("西部大开发的基础设施怎么搞");
        }
    }

    public void Dispose() => temp.Dispose();
}
