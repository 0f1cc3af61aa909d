using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// The paired difference <c>eval-topical</c> prints beside its scores: the mean lead, its t interval and the paired
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

        // Mean 2, standard deviation 1, standard error 1/√3; Student's t for 2 degrees of freedom is 4.3027.
        Assert.Equal(2 - (4.3027 / Math.Sqrt(3)), difference.Low!.Value, 4);
        Assert.Equal(2 + (4.3027 / Math.Sqrt(3)), difference.High!.Value, 4);
    }

    [Fact]
    public void SameLeadOnEveryNeed_ShouldBeSureOfItWithEnoughNeeds()
    {
        var five = PairedDifference.Of([0.5, 0.5, 0.5, 0.5, 0.5], [0.4, 0.4, 0.4, 0.4, 0.4]);
        Assert.Equal(2.0 / 32, five.P, 12); // only all signs + or all − reach it

        // Above the exact limit the test samples: two of the 2^20 assignments reach the lead, so p is about 1 / 20,001.
        var twenty = PairedDifference.Of([.. Enumerable.Repeat(0.7, 20)], [.. Enumerable.Repeat(0.6, 20)]);
        Assert.True(twenty.P < 0.001, $"p = {twenty.P}");
        Assert.True(twenty.P > 0, "a sampled p-value counts the observed assignment");
    }

    [Fact]
    public void OneNeed_ShouldHaveNoInterval()
    {
        var one = PairedDifference.Of([0.9], [0.2]);

        Assert.Equal(0.7, one.Mean, 12);
        Assert.Null(one.Low);
        Assert.Null(one.High);
        Assert.Equal(1.0, one.P, 12); // either sign is as far from 0
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
    public void SumsThatDifferOnlyByRounding_ShouldBeTies()
    {
        // ±0.4 ±0.4 ±0.6 ±0.7 ±0.3 is never nearer 0 than 0.2, the observed sum, so every assignment is as far from 0; added
        // in floating point some come to 0.19999999999999998.
        var difference = PairedDifference.Of([0.4, -0.4, 0.6, -0.7, 0.3], [0, 0, 0, 0, 0]);

        Assert.Equal(1.0, difference.P, 12);
    }

    [Fact]
    public void SampledTest_ShouldAgreeWithEveryAssignmentCounted()
    {
        double[] d = [0.12, -0.05, 0.30, 0.02, -0.11, 0.07, 0.00, 0.25, -0.20, 0.09, 0.04, -0.02, 0.15, 0.06, -0.08, 0.01, 0.10, -0.03];
        var observed = Math.Abs(d.Average());
        var atLeast = 0;
        for (var signs = 0; signs < 1 << d.Length; signs++)
        {
            var sum = 0.0;
            for (var i = 0; i < d.Length; i++)
            {
                sum += (signs & (1 << i)) == 0 ? d[i] : -d[i];
            }

            atLeast += Math.Abs(sum / d.Length) >= observed - 1e-9 ? 1 : 0;
        }

        var exact = (double)atLeast / (1 << d.Length);
        var sampled = PairedDifference.Of(d, new double[d.Length]);

        Assert.InRange(exact, 0.05, 0.95); // a case where the two could visibly differ
        Assert.Equal(exact, sampled.P, 2); // 20,000 samples: within about 0.007 at this p
    }

    [Fact]
    public void Interval_ShouldBeStudentsTOverTheDifferencesAndTheSameEveryRun()
    {
        double[] first = [0.91, 0.42, 0.77, 0.10, 0.65, 0.88, 0.30, 0.55, 0.71, 0.49, 0.93, 0.25, 0.60, 0.81, 0.37, 0.58, 0.66, 0.12];
        double[] second = [0.80, 0.50, 0.70, 0.20, 0.60, 0.70, 0.35, 0.40, 0.75, 0.45, 0.85, 0.30, 0.50, 0.82, 0.30, 0.50, 0.60, 0.20];
        var d = first.Zip(second, (a, b) => a - b).ToArray();
        var standardError = Math.Sqrt(d.Sum(x => Math.Pow(x - d.Average(), 2)) / (d.Length - 1) / d.Length);

        var once = PairedDifference.Of(first, second);

        Assert.Equal(once, PairedDifference.Of(first, second));
        Assert.Equal(d.Average() - (2.1098 * standardError), once.Low!.Value, 4); // t at 0.975 for 17 degrees of freedom
        Assert.Equal(d.Average() + (2.1098 * standardError), once.High!.Value, 4);
    }

    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(30, 2.0423)]
    [InlineData(31, 2.0395)]
    [InlineData(77, 1.9913)]
    [InlineData(1000, 1.9623)]
    public void TQuantile_ShouldMatchStudentsTable(int degrees, double expected) =>
        Assert.Equal(expected, PairedDifference.TQuantile(degrees), 0.0005);

    [Fact]
    public void ScoresOfDifferentNeeds_ShouldNotBePaired() =>
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([0.1, 0.2], [0.1]));

    [Fact]
    public void Evaluator_ShouldCompareTheFirstRankingWithEachOtherInEveryGroup()
    {
        // Four needs, two kinds. The first ranking finds the judged passage first for every need, the second for the topics
        // only, the third never.
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

        var report = TopicalEvaluator.Evaluate(seeds.Searcher, set,
            [Given("Good", n => $"p:{n.Id}"), Given("Topics", n => n.Kind == "topic" ? $"p:{n.Id}" : "elsewhere:0"), Given("Bad", _ => "elsewhere:0")]);

        foreach (var against in new[] { "Topics", "Bad" })
        {
            var rows = report.Differences.Where(d => d.Against == against).ToList();
            Assert.Equal(report.Runs[0].Scores.Select(s => (s.Split, s.Kind)), rows.Select(d => (d.Split, d.Kind)));
            Assert.All(rows, d => Assert.Equal("Good", d.Mode));
        }

        double Lead(string against, string split, string kind) =>
            report.Differences.Single(d => d.Against == against && d.Split == split && d.Kind == kind).Ndcg.Mean;
        Assert.Equal(0.0, Lead("Topics", "all", "topic"), 12);
        Assert.Equal(1.0, Lead("Topics", "all", "question"), 12);
        Assert.Equal(0.5, Lead("Topics", "tune", "all"), 12);
        Assert.Equal(1.0, Lead("Bad", "all", "all"), 12);
        Assert.Equal(2.0 / 16, report.Differences.Single(d => d.Against == "Bad" && d.Split == "all" && d.Kind == "all").Ndcg.P, 12);
    }
}
