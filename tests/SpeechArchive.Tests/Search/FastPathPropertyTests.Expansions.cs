using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A word widened by thesaurus terms (加强 → 强化、增强) is ranked from the word as typed when enough passages hold it: the
/// same hits, scores, totals and facets as scoring every passage of the word and its terms.
/// </summary>
public sealed partial class FastPathPropertyTests
{
    private static readonly string[] WidenedWords =
    [
        "加强", "强化", "增强", "提高", "推进", "促进", "完善", "深入", "坚决", "切实", "确保", "严格", "重要", "党风廉政建设", "反腐败", "加强 -强化",
        "\"加强\"", "加强 监督", "加强 OR 完善",
    ];

    [Fact]
    public void WhenSearchingAWordWithItsTerms_ShouldGiveWhatTheExhaustivePassGives()
    {
        var snapshot = fixture.Snapshot;
        var fast = new Searcher(snapshot, QueryUnderstanding.Default);
        var reference = new Searcher(snapshot, QueryUnderstanding.Default) { Exhaustive = true };
        var filters = YearThemeOrTypeFilters(snapshot);
        var requests = Gen.Elements(WidenedWords).Zip(Gen.Choose(0, 3).SelectMany(n => filters.ListOf(n)))
            .Zip(Gen.Elements(SearchSort.Relevance, SearchSort.Relevance, SearchSort.Relevance, SearchSort.DateDescending).Zip(Gen.Elements(false, false, false, true)))
            .Zip(Gen.Elements(0, 0, 5, 40, 3000).Zip(Gen.Elements(10, 10, 0, 1, 200)),
                (r, paging) => new SearchRequest
                {
                    Query = r.Item1.Item1,
                    Filters = r.Item1.Item2.ToList(),
                    Sort = r.Item2.Item1,
                    GroupBySpeech = r.Item2.Item2,
                    Offset = paging.Item1,
                    Limit = paging.Item2,
                });

        PropertyRuns.Check(requests, request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 300);
    }

    [Fact]
    public void WhenEnoughPassagesHoldTheWordAsTyped_ShouldRankFromThemAlone()
    {
        var snapshot = fixture.Snapshot;
        var parsed = QueryParser.Parse("加强");
        var matches = new WordMatches(snapshot);
        var query = QueryUnderstanding.Default.Understand(snapshot, parsed, new SearchRequest { Query = "加强" }, matches);

        var clause = Ranker.Rank(snapshot, query, matches, exhaustive: false).Expanded;

        Assert.NotNull(clause);
        var top = new TopK(10, SearchSort.Relevance);
        Assert.True(clause.OfferExact(top, null, snapshot.PassageDate));
        var expected = new TopK(10, SearchSort.Relevance);
        var whole = clause.Scored;
        for (var i = 0; i < whole.Count; i++)
        {
            expected.Offer(whole.Docs[i], whole.Scores[i], snapshot.PassageDate[whole.Docs[i]]);
        }

        Assert.Equal(expected.Drain(), top.Drain());
    }
}
