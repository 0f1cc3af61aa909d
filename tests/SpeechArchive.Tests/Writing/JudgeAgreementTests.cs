using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>How far two judges' grades agree (<c>eval-topical --order-by</c>): the shared rows, the same grade, Cohen's κ with linear weights.</summary>
public sealed class JudgeAgreementTests
{
    private static readonly TopicalNeed[] Needs = [new("a", "topic", "test", "甲", "相关"), new("b", "topic", "test", "乙", "相关")];

    private static TopicalSet Graded(params (string Need, string Passage, int Grade)[] rows) => new(Needs,
        rows.GroupBy(r => r.Need).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(r => r.Passage, r => r.Grade)));

    [Fact]
    public void WhenTwoJudgesGradeTheSameRows_ShouldCountOnlyTheSharedOnesAndWeighADisagreementByItsDistance()
    {
        var first = Graded(("a", "p1", 2), ("a", "p2", 1), ("a", "p3", 0), ("b", "p4", 2), ("b", "p9", 1));
        var second = Graded(("a", "p1", 2), ("a", "p2", 2), ("a", "p3", 0), ("b", "p4", 1), ("a", "p5", 0), ("a", "p9", 2)); // p5 and a's p9 only here

        var agreement = JudgeAgreement.Of(first, second);

        Assert.Equal(4, agreement.Rows);
        Assert.Equal(0.5, agreement.Exact!.Value, 12);
        // Observed (1 + ½ + 1 + ½) / 4 = ¾; by chance, from the shares ¼ ¼ ½ and ¼ ¼ ½: 9/16; κ = (¾ − 9/16) / (1 − 9/16) = 3/7.
        Assert.Equal(3.0 / 7, agreement.WeightedKappa!.Value, 12);
        Assert.Equal([[1, 0, 0], [0, 0, 1], [0, 1, 1]], agreement.Table.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void WhenTheJudgesGiveTheGradesInDifferentShares_ShouldTakeChanceFromEachJudgesOwn()
    {
        var first = Graded(("a", "p1", 2), ("a", "p2", 2), ("a", "p3", 1), ("b", "p4", 0));
        var second = Graded(("a", "p1", 2), ("a", "p2", 1), ("a", "p3", 1), ("b", "p4", 1));

        var agreement = JudgeAgreement.Of(first, second);

        // Observed (1 + ½ + 1 + ½) / 4 = ¾; by chance, the first's shares ¼ ¼ ½ against the second's 0 ¾ ¼: ⅝ (one judge's
        // shares for both would give 9/16 and κ 3/7); κ = (¾ − ⅝) / (1 − ⅝) = ⅓.
        Assert.Equal(1.0 / 3, agreement.WeightedKappa!.Value, 12);
        Assert.Equal(0.5, agreement.Exact!.Value, 12);
    }

    [Fact]
    public void WhenTheJudgesAgreeEverywhere_ShouldGiveOne()
    {
        var set = Graded(("a", "p1", 2), ("a", "p2", 1), ("b", "p3", 0));

        var agreement = JudgeAgreement.Of(set, set);

        Assert.Equal((3, 1.0, 1.0), (agreement.Rows, agreement.Exact!.Value, agreement.WeightedKappa!.Value));
    }

    [Fact]
    public void WhenBothJudgesGiveOneGradeThroughout_ShouldCountItAsAgreement()
    {
        var set = Graded(("a", "p1", 2), ("b", "p2", 2));

        var agreement = JudgeAgreement.Of(set, set);

        Assert.Equal(1.0, agreement.WeightedKappa!.Value); // chance agreement is 1 too: κ's 0 / 0 read as agreeing
    }

    [Fact]
    public void WhenTheyShareNoRow_ShouldSayNoneWereCompared()
    {
        var agreement = JudgeAgreement.Of(Graded(("a", "p1", 2)), Graded(("b", "p1", 2)));

        Assert.Equal((0, (double?)null, (double?)null), (agreement.Rows, agreement.Exact, agreement.WeightedKappa));
    }
}
