using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// The paired difference <c>eval-topical</c> prints beside its scores: the mean lead, its bootstrap interval and the paired
/// randomization test's p-value, checked against values worked out by hand, and carried through the evaluator per group.
/// </summary>
public sealed class PairedDifferenceTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void ExactTest_ShouldCountEveryAssignmentOfSignsAsFarFromZero()
    {
        // Differences 1, 2, 3: the eight sums of ±1 ±2 ±3 are ±6, ±4, ±2, 0, 0; two are as far from 0 as 6.
        var difference = PairedDifference.Of([1.0, 2.0, 3.0], [0.0, 0.0, 0.0]);

        Assert.Equal(3, difference.Needs);
        Assert.Equal(2.0, difference.Mean, 12);
        Assert.Equal(0.25, difference.P, 12);
    }

    [Fact]
    public void SameLeadOnEveryNeed_ShouldBeSureOfItWithEnoughNeeds()
    {
        var five = PairedDifference.Of([0.5, 0.5, 0.5, 0.5, 0.5], [0.4, 0.4, 0.4, 0.4, 0.4]);
        Assert.Equal(2.0 / 32, five.P, 12); // only all signs + or all − reach it
        Assert.Equal(0.1, five.Low, 9);
        Assert.Equal(0.1, five.High, 9);

        // Above the exact limit the test samples: two of the 2^20 assignments reach the lead, so p is about 1 / 20,001.
        var twenty = PairedDifference.Of([.. Enumerable.Repeat(0.7, 20)], [.. Enumerable.Repeat(0.6, 20)]);
        Assert.True(twenty.P < 0.001, $"p = {twenty.P}");
        Assert.True(twenty.P > 0, "a sampled p-value counts the observed assignment");
    }

    [Fact]
    public void LeadsThatCancel_ShouldNotBeALead()
    {
        var difference = PairedDifference.Of([0.9, 0.1, 0.6, 0.4], [0.1, 0.9, 0.4, 0.6]);

        Assert.Equal(0.0, difference.Mean, 12);
        Assert.Equal(1.0, difference.P, 12);
        Assert.True(difference.Low < 0 && difference.High > 0, $"[{difference.Low}, {difference.High}]");
    }

    [Fact]
    public void Interval_ShouldHoldTheMeanAndBeTheSameEveryRun()
    {
        double[] first = [0.91, 0.42, 0.77, 0.10, 0.65, 0.88, 0.30, 0.55, 0.71, 0.49, 0.93, 0.25, 0.60, 0.81, 0.37, 0.58, 0.66, 0.12];
        double[] second = [0.80, 0.50, 0.70, 0.20, 0.60, 0.70, 0.35, 0.40, 0.75, 0.45, 0.85, 0.30, 0.50, 0.82, 0.30, 0.50, 0.60, 0.20];

        var once = PairedDifference.Of(first, second);
        var again = PairedDifference.Of(first, second);

        Assert.Equal(once, again);
        Assert.InRange(once.Mean, once.Low, once.High);
        Assert.True(once.High - once.Low > 0.01, $"[{once.Low}, {once.High}]: needs that differ leave some doubt");
        Assert.InRange(once.P, 0.0, 1.0);
    }

    [Fact]
    public void ScoresOfDifferentNeeds_ShouldNotBePaired() =>
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([0.1, 0.2], [0.1]));

    [Fact]
    public void Evaluator_ShouldCompareTheFirstRankingWithEachOtherInEveryGroup()
    {
        // Four needs, two kinds; the first ranking finds the judged passage first for every need, the second never.
        var needs = new List<TopicalNeed>
        {
            new("a1", "topic", "tune", "甲", "相关"), new("a2", "topic", "test", "乙", "相关"),
            new("b1", "question", "tune", "丙", "相关"), new("b2", "question", "test", "丁", "相关"),
        };
        var judgments = needs.ToDictionary(n => n.Id, n => (IReadOnlyDictionary<string, int>)new Dictionary<string, int> { [$"p:{n.Id}"] = 2 });
        var set = new TopicalSet(needs, judgments);
        TopicalMode Given(string name, Func<TopicalNeed, string> passage) => new(name, SearchMode.Understood)
        {
            Rankings = needs.ToDictionary(n => n.Query, n => (IReadOnlyList<string>)[passage(n)]),
        };

        var report = TopicalEvaluator.Evaluate(seeds.Searcher, set, [Given("Good", n => $"p:{n.Id}"), Given("Bad", _ => "elsewhere:0")]);

        var groups = report.Differences.Select(d => (d.Split, d.Kind)).ToList();
        Assert.Equal(report.Runs[0].Scores.Select(s => (s.Split, s.Kind)), groups);
        Assert.All(report.Differences, d => Assert.Equal(("Good", "Bad"), (d.Mode, d.Against)));
        var all = report.Differences.Single(d => d.Split == "all" && d.Kind == "all").Difference;
        Assert.Equal(4, all.Needs);
        Assert.Equal(1.0, all.Mean, 12);
        Assert.Equal(2.0 / 16, all.P, 12);
        Assert.Equal(1, report.Differences.Single(d => d.Split == "tune" && d.Kind == "topic").Difference.Needs);
    }
}
