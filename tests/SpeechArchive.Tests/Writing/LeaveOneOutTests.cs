using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// <c>eval-topical --learn-order --leave-one-out</c>: each need ordered by what the other needs teach, over the seed speeches,
/// against its candidates as they came.
/// </summary>
public sealed class LeaveOneOutTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private const string Query = "全面从严治党";

    [Fact]
    public void WhenAnotherNeedTeachesThatAPassageFurtherDownIsTheBetter_ShouldRaiseIt()
    {
        var (worse, better, at) = TwoOfOneTier();
        // Two needs of the same query judged alike: each, left out, is ordered by what the other teaches.
        var set = Set(("a1", [(worse, 0), (better, 2)]), ("a2", [(worse, 0), (better, 2)]));

        var left = TopicalOrderLearner.Learn(seeds.Searcher, set, leaveOneOut: true).LeftOut!;

        Assert.Equal(2, left.Needs);
        Assert.Equal(1 / Math.Log2(at + 2), left.Unordered, 9); // the grade-2 passage where it came, of an ideal 3 (first)
        Assert.True(left.Ordered > left.Unordered, $"ordered {left.Ordered} against {left.Unordered}");
    }

    [Fact]
    public void WhenTheOtherNeedsTeachNothing_ShouldKeepTheOrderTheyCameIn()
    {
        var (worse, better, at) = TwoOfOneTier();
        // a2 is judged nowhere: a1 left out is ordered by no weights at all, and a2 scores nothing either way.
        var set = Set(("a1", [(worse, 0), (better, 2)]), ("a2", []));

        var left = TopicalOrderLearner.Learn(seeds.Searcher, set, leaveOneOut: true).LeftOut!;

        Assert.Equal(2, left.Needs);
        Assert.Equal(1 / Math.Log2(at + 2) / 2, left.Unordered, 9);
        Assert.Equal(left.Unordered, left.Ordered, 9);
    }

    [Fact]
    public void WhenNotAsked_ShouldNotLeaveNeedsOut()
    {
        var (worse, better, _) = TwoOfOneTier();

        var model = TopicalOrderLearner.Learn(seeds.Searcher, Set(("a1", [(worse, 0), (better, 2)])));

        Assert.Null(model.LeftOut);
    }

    /// <summary>The first candidate of the query and a later one of the same tier (the order never moves a passage out of its tier), with its place.</summary>
    private (string Worse, string Better, int At) TwoOfOneTier()
    {
        var candidates = seeds.Searcher.TopicalCandidates(Query);
        var at = candidates.FindIndex(2, c => c.Tier == candidates[0].Tier);
        Assert.True(at is >= 2 and < 10, "the seed speeches hold 全面从严治党 in three passages of one tier or more, among the first ten");
        return (candidates[0].Passage, candidates[at].Passage, at);
    }

    private static TopicalSet Set(params (string Id, (string Passage, int Grade)[] Grades)[] needs) => new(
        [.. needs.Select(n => new TopicalNeed(n.Id, "topic", "tune", Query, "讲全面从严治党的段落"))],
        needs.ToDictionary(n => n.Id, n => (IReadOnlyDictionary<string, int>)n.Grades.ToDictionary(g => g.Passage, g => g.Grade), StringComparer.Ordinal));
}
