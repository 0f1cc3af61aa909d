using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Writing;

/// <summary>The held-out recall set (<see cref="HeldOutRecallSet"/>): reproducible, fair, and scored like the committed set.</summary>
public sealed class HeldOutRecallTests(ITestOutputHelper output)
{
    private static string FixturePath => Path.Combine(FixturePaths.Root, "Recall", HeldOutRecallSet.FileName);

    private static string SourcePath => Path.Combine(FixturePaths.RepoRoot, "tests", "SpeechArchive.Tests", "Fixtures", "Recall", HeldOutRecallSet.FileName);

    private static string CommittedPath => Path.Combine(FixturePaths.Root, "Recall", "queries.tsv");

    [SkippableFact]
    public void WhenTheHeldOutSetIsMadeAgain_ShouldEqualTheFixture()
    {
        var reports = SharedCorpus.Require("reports");

        using var temp = new TempFolder();
        var index = RecallRuns.Index(temp, reports);
        var set = HeldOutRecallSet.Make(
            [("corpus", Path.Combine(FixturePaths.RepoRoot, "corpus")), ("reports", reports)],
            RecallSet.Load(CommittedPath),
            q => RecallEvaluator.TargetPassage(index, q) is not null);
        var text = RecallSet.Format(set, HeldOutRecallSet.Comment(set.Count));
        if (Environment.GetEnvironmentVariable("SPEECHARCHIVE_WRITE_HELDOUT") == "1")
        {
            File.WriteAllText(SourcePath, text);
            output.WriteLine($"wrote {SourcePath}");
            return;
        }

        Assert.Equal(RecallKind.All.Count * HeldOutRecallSet.PerKind, set.Count);
        Assert.Equal(File.ReadAllText(FixturePath), text);
    }

    [SkippableFact]
    public void WhenTheHeldOutSetIsRead_ShouldBeFairAndDisjointFromTheCommittedSet()
    {
        var reports = SharedCorpus.Require("reports");

        using var temp = new TempFolder();
        var index = RecallRuns.Index(temp, reports);
        var held = RecallSet.Load(FixturePath);
        var committed = RecallSet.Load(CommittedPath).Select(q => RecallEvaluator.TargetPassage(index, q)).ToHashSet();

        Assert.All(held, q =>
        {
            var target = RecallEvaluator.TargetPassage(index, q);
            Assert.NotNull(target);
            Assert.DoesNotContain(target, committed);
            var holding = Enumerable.Range(0, index.Passages.Count).Where(d => index.PassageText(d).Contains(q.Query, StringComparison.Ordinal)).ToList();
            if (q.Kind is RecallKind.Exact or RecallKind.Core)
            {
                Assert.Equal([target!.Value], holding);
            }
            else
            {
                Assert.All(holding, d => Assert.Equal(target, d));
            }
        });
    }

    [SkippableFact]
    public void WhenTheHeldOutSetRunsOverTheSeedsAndReports_ShouldMeetTheTargets()
    {
        var reports = SharedCorpus.Require("reports");

        using var temp = new TempFolder();
        var index = RecallRuns.Index(temp, reports);

        RecallRuns.EvaluateAndAssertTargets(index, RecallSet.Load(FixturePath), output);
    }
}
