using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary><c>eval-topical --best-order-of</c>: a ranking read deeper and put in the order of its grades, the room for ordering.</summary>
public sealed class BestOrderEvaluationTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private static readonly TopicalSet Set = new(
        [new TopicalNeed("a1", "topic", "test", "甲", "相关")],
        new Dictionary<string, IReadOnlyDictionary<string, int>> { ["a1"] = new Dictionary<string, int> { ["p:a1"] = 2, ["p:a2"] = 0, ["p:a3"] = 1 } });

    /// <summary>Twelve passages: one graded 0, one unjudged, the one graded 1 third, eight more unjudged, the one graded 2 last.</summary>
    private static readonly TopicalMode[] Given =
    [
        new("Given", SearchMode.Understood)
        {
            Rankings = new Dictionary<string, IReadOnlyList<string>>
            {
                ["甲"] = ["p:a2", "new:0", "p:a3", .. Enumerable.Range(1, 8).Select(i => $"new:{i}"), "p:a1"],
            },
        },
    ];

    [Fact]
    public void WhenTheBestPassageIsBelowTheFirstTen_ShouldReachItOnlyWhenReadDeepEnough()
    {
        var plain = TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given).Runs[0].Results[0];
        var ten = TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, bestOrderOf: 10).Runs[0].Results[0];
        var twelve = TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, bestOrderOf: 12).Runs[0].Results[0];

        var ideal = 3 + (1 / Math.Log2(3));
        Assert.Equal(1 / Math.Log2(4) / ideal, plain.Ndcg, 12); // the 1 third
        Assert.Equal(1 / ideal, ten.Ndcg, 12); // the 1 first: the 2 is not among the first ten
        Assert.Equal(1, twelve.Ndcg, 12); // the 2, then the 1
        Assert.Equal(["p:a1", "p:a3", "p:a2"], twelve.Ranking.Take(3));
        Assert.Equal((8, 10), (plain.Unjudged, plain.Found)); // eight unjudged in the ten scored
        Assert.Equal((8, 10), (ten.Unjudged, ten.Found));
        Assert.Equal((9, 12), (twelve.Unjudged, twelve.Found)); // all nine read, any of which could have come first (seven among the ten scored)
    }

    [Fact]
    public void WhenASecondJudgeOrders_ShouldOrderByItsGradesAndScoreByTheFirst()
    {
        // The second judge puts the first judge's 1 above its 2 and never graded p:a2 or the unjudged twelve-less-three.
        var second = Set with { Judgments = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["a1"] = new Dictionary<string, int> { ["p:a1"] = 0, ["p:a3"] = 2 } } };

        var report = TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, bestOrderOf: 12, orderBy: second);
        var result = report.Runs[0].Results[0];

        Assert.Equal(["p:a3", "p:a2", "new:0"], result.Ranking.Take(3)); // its 2 first, the rest as ranked, its 0 (p:a1) no higher than ranked
        Assert.DoesNotContain("p:a1", result.Ranking);
        Assert.Equal(1 / (3 + (1 / Math.Log2(3))), result.Ndcg, 12); // scored by the first judge: its 1 first, its 2 not in the ten
        Assert.Equal(new SecondJudgeCount("Given", 10, 12), Assert.Single(report.OrderedBy!.Ungraded)); // of the twelve read, the second judge graded two
        Assert.Empty(report.OrderedBy.NeedsGradedNone);
        Assert.Equal((2, 0.0), (report.OrderedBy.Agreement.Rows, report.OrderedBy.Agreement.Exact!.Value)); // 2 against 0, 1 against 2
        Assert.Null(TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, bestOrderOf: 12).OrderedBy);
    }

    [Fact]
    public void WhenASecondJudgeIsGivenWithoutADepth_ShouldRefuse() =>
        Assert.Throws<ArgumentException>(() => TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, orderBy: Set));

    [Fact]
    public void WhenAskedWithCondensedOrOutOfRange_ShouldRefuse()
    {
        Assert.Throws<ArgumentException>(() => TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, condensed: true, bestOrderOf: 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, bestOrderOf: TopicalEvaluator.K - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicalEvaluator.Evaluate(seeds.Searcher, Set, Given, bestOrderOf: TopicalEvaluator.MaxBestOrderOf + 1));
    }
}
