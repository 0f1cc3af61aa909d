using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The free-text order (<c>Ranker.FreeTextOrder.cs</c>): a question ranked with its meaning has its first passages ordered
/// again by how they treat it, within the free-text tiers; other free text, and a question ranked by its words alone, keep
/// the fused order.
/// </summary>
public sealed class FreeTextOrderTests : IDisposable
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
        Assert.All(rows, r => Assert.Equal(2, r.Tier)); // no run as written, and a question is not ranked by its order: one tier
        Assert.Empty(searcher.FreeTextCandidates("西部大开发的基础设施建设")); // asking nothing: not taken
    }

    [Fact]
    public void WhenNotAQuestionOrRankedWithoutMeaning_ShouldKeepTheFusedOrder()
    {
        var index = TinyCorpus.Index(temp, InPassingAndAboutIt);
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        IEnumerable<string> Ids(SearchRequest request) => searcher.Search(request).Hits.Select(h => h.PassageId);

        // The same words asking nothing, and the question ranked by its words alone.
        Assert.Equal(Ids(new SearchRequest { Query = "推进西部大开发工作", OrderTopically = false }), Ids(new SearchRequest { Query = "推进西部大开发工作" }));
        Assert.Equal(
            Ids(new SearchRequest { Query = "怎样推进西部大开发", ByMeaning = false, OrderTopically = false }),
            Ids(new SearchRequest { Query = "怎样推进西部大开发", ByMeaning = false }));
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
