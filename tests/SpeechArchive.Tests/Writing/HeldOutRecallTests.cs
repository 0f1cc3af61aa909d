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

    [Fact]
    public void WhenTheHeldOutSetIsMadeAgain_ShouldEqualTheFixture()
    {
        var reports = SharedCorpus.FindOrExplain("reports", output);
        if (reports is null)
        {
            return;
        }

        using var temp = new TempFolder();
        var index = Build(temp, reports);
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

    [Fact]
    public void WhenTheHeldOutSetIsRead_ShouldBeFairAndDisjointFromTheCommittedSet()
    {
        var reports = SharedCorpus.FindOrExplain("reports", output);
        if (reports is null)
        {
            return;
        }

        using var temp = new TempFolder();
        var index = Build(temp, reports);
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

    [Fact]
    public void WhenTheHeldOutSetRunsOverTheSeedsAndReports_ShouldMeetTheTargets()
    {
        var reports = SharedCorpus.FindOrExplain("reports", output);
        if (reports is null)
        {
            return;
        }

        using var temp = new TempFolder();
        var index = Build(temp, reports);
        var set = RecallSet.Load(FixturePath);

        var report = RecallEvaluator.Evaluate(new Searcher(index, QueryUnderstanding.Default), set);

        foreach (var s in report.PerKind.Append(report.Overall))
        {
            output.WriteLine($"{s.Kind,-8} {s.Queries,4}  MRR@10 {s.Mrr:0.000}  recall@10 {s.Recall:0.000}");
        }

        foreach (var m in report.Misses)
        {
            output.WriteLine($"miss [{m.Query.Kind}] {m.Query.Query} → {m.Query.Target}: rank {m.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }

        Assert.Equal(set.Count, report.Overall.Queries);
        Assert.True(report.Overall.Mrr >= 0.95, $"MRR@10 {report.Overall.Mrr}");
        Assert.True(report.Overall.Recall >= 0.98, $"recall@10 {report.Overall.Recall}");
    }

    private static IndexSnapshot Build(TempFolder temp, string reports)
    {
        RecallCorpus.Stage(temp.Combine("corpus"), [Path.Combine(FixturePaths.RepoRoot, "corpus"), reports]);
        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") });
        return IndexSnapshot.Load(temp.Combine("index"));
    }
}
