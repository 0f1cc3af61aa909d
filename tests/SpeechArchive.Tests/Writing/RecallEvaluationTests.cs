using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Writing;

public sealed class RecallEvaluationTests(ITestOutputHelper output)
{
    private static string SetPath => Path.Combine(FixturePaths.Root, "Recall", "queries.tsv");

    [SkippableFact]
    public void WhenTheRecallSetRunsOverTheSeedsAndReports_ShouldMeetTheTargets()
    {
        var reports = SharedCorpus.Require("reports");

        using var temp = new TempFolder();
        var index = RecallRuns.Index(temp, reports);

        RecallRuns.EvaluateAndAssertTargets(index, RecallSet.Load(SetPath), output);
    }

    [Fact]
    public void WhenTheSearchIsStrict_ShouldMissTheEditedQueries()
    {
        // The set is not trivial: without near matches most edited queries find nothing.
        using var temp = new TempFolder();
        using var seeds = new SeedIndexFixture();
        var set = RecallSet.Load(SetPath).Where(q => q.Source.StartsWith("corpus/", StringComparison.Ordinal)).ToList();

        var strict = RecallEvaluator.Evaluate(new Searcher(seeds.Snapshot), set);
        var main = RecallEvaluator.Evaluate(seeds.Searcher, set);

        Assert.True(set.Count >= 10, $"only {set.Count} queries from corpus/");
        Assert.True(strict.PerKind.Single(k => k.Kind == RecallKind.Dropped).Recall < 0.5);
        Assert.True(main.Overall.Mrr > strict.Overall.Mrr);
    }

    [Fact]
    public void WhenSampling_ShouldBeDeterministicAndKeepOnlyUnambiguousQueries()
    {
        using var seeds = new SeedIndexFixture();

        var a = RecallSampler.Sample(seeds.Snapshot, 3, seed: 5);
        var b = RecallSampler.Sample(seeds.Snapshot, 3, seed: 5);

        Assert.Equal(a, b);
        Assert.Equal(15, a.Count);
        Assert.All(a, q =>
        {
            var target = RecallEvaluator.TargetPassage(seeds.Snapshot, q);
            Assert.NotNull(target);
            var holding = Enumerable.Range(0, seeds.Snapshot.Passages.Count).Where(d => seeds.Snapshot.PassageText(d).Contains(q.Query, StringComparison.Ordinal)).ToList();
            if (q.Kind is RecallKind.Exact or RecallKind.Core)
            {
                Assert.Equal([target!.Value], holding);
            }
            else
            {
                Assert.All(holding, d => Assert.Equal(target, d));
                Assert.NotEqual(q.Target, q.Query);
            }
        });
    }

    [Theory]
    [InlineData("dropped", "坚决贯彻落实党中央决策部署")]
    [InlineData("swapped", "坚决贯彻落实党中央决策部署")]
    [InlineData("core", "坚决贯彻落实党中央决策部署")]
    public void WhenDerivingAQuery_ShouldApplyTheKindsEdit(string kind, string clause)
    {
        var query = RecallSampler.Derive(kind, clause, new Random(3))!;

        switch (kind)
        {
            case RecallKind.Dropped:
                Assert.InRange(clause.Length - query.Length, 1, 2);
                break;
            case RecallKind.Swapped:
                Assert.Equal(clause.Length, query.Length);
                Assert.Contains(query, clause + clause, StringComparison.Ordinal);
                Assert.NotEqual(clause, query);
                break;
            default:
                Assert.Equal(RecallSampler.CoreLength, query.Length);
                Assert.Contains(query, clause[1..^1], StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void WhenTheSetFileIsRead_ShouldHoldEveryKindWithTargetsInTheirSources()
    {
        var set = RecallSet.Load(SetPath);

        Assert.Equal(RecallKind.All.Order(), set.Select(q => q.Kind).Distinct().Order());
        Assert.All(set, q => Assert.True(q.Source.StartsWith("corpus/", StringComparison.Ordinal) || q.Source.StartsWith("reports/", StringComparison.Ordinal), q.Source));
        Assert.Contains(set, q => q.Source.StartsWith("corpus/", StringComparison.Ordinal));
    }
}
