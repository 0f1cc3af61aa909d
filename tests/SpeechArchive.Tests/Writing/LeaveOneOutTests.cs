using SpeechArchive.Search;
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

    [Fact]
    public void WhenAStatementIsLeftOut_ShouldKeepTheTiersItsOrderKeepsAndLearnNothingFromThem()
    {
        // A statement holding most of a formulation in order: its near passages keep the fused order (Ranker.StatementsFromTier).
        const string statement = "全面从严治党永远在路上的要求";
        var rows = seeds.Searcher.FreeTextCandidates(statement, question: false);
        var kept = rows.Where(r => r.Tier < Ranker.StatementsFromTier).ToList();
        var rest = rows.Where(r => r.Tier >= Ranker.StatementsFromTier).ToList();
        Assert.True(kept.Count >= 2 && rest.Count >= 2, $"{kept.Count} kept and {rest.Count} reordered candidates");
        // a2 teaches with a pair of the reordered tier; a1 judges two kept passages of one tier the other way round from how they came.
        var teach = (Worse: rest[0].Passage, Better: rest[^1].Passage);
        var model = TopicalOrderLearner.LearnStatements(seeds.Searcher, Set(statement, ("a2", [(teach.Worse, 0), (teach.Better, 2)])));
        double Score(double[] features) => features.Select((x, f) => x * model.Weights[f]).Sum();
        var first = kept[0];
        var later = kept.Skip(1).Where(r => r.Tier == first.Tier).OrderByDescending(r => Score(r.Features)).FirstOrDefault();
        Assert.True(later.Passage is not null && Score(later.Features) > Score(first.Features),
            "the weights a2 teaches would raise a later kept passage above the first, were its tier reordered");

        var left = TopicalOrderLearner.LearnStatements(seeds.Searcher,
            Set(statement, ("a1", [(first.Passage, 0), (later.Passage, 2)]), ("a2", [(teach.Worse, 0), (teach.Better, 2)])), leaveOneOut: true).LeftOut!;

        // a1 left out: a2's weights leave its kept tier as it came; a2 left out: a1's pair, in a kept tier, teaches nothing.
        Assert.Equal(2, left.Needs);
        Assert.Equal(left.Unordered, left.Ordered, 9);
    }

    /// <summary>The first candidate of the query and a later one of the same tier (the order never moves a passage out of its tier), with its place.</summary>
    private (string Worse, string Better, int At) TwoOfOneTier()
    {
        var candidates = seeds.Searcher.TopicalCandidates(Query);
        var at = candidates.FindIndex(2, c => c.Tier == candidates[0].Tier);
        Assert.True(at is >= 2 and < 10, "the seed speeches hold 全面从严治党 in three passages of one tier or more, among the first ten");
        return (candidates[0].Passage, candidates[at].Passage, at);
    }

    private static TopicalSet Set(params (string Id, (string Passage, int Grade)[] Grades)[] needs) => Set(Query, needs);

    private static TopicalSet Set(string query, params (string Id, (string Passage, int Grade)[] Grades)[] needs) => new(
        [.. needs.Select(n => new TopicalNeed(n.Id, query == Query ? "topic" : "paraphrase", "tune", query, "讲全面从严治党的段落"))],
        needs.ToDictionary(n => n.Id, n => (IReadOnlyDictionary<string, int>)n.Grades.ToDictionary(g => g.Passage, g => g.Grade), StringComparer.Ordinal));
}
