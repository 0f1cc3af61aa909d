using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Writing;

/// <summary>What the recall-set tests share: the index of the seeds plus the reports, and the report written to the test output.</summary>
internal static class RecallRuns
{
    /// <summary>corpus/ and the reports staged as one corpus (as <c>recall-eval --corpus</c> does) and indexed in <paramref name="temp"/>.</summary>
    public static IndexSnapshot Index(TempFolder temp, string reports)
    {
        RecallCorpus.Stage(temp.Combine("corpus"), [Path.Combine(FixturePaths.RepoRoot, "corpus"), reports]);
        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") });
        return IndexSnapshot.Load(temp.Combine("index"));
    }

    /// <summary>Scores the set with the main search, writes the scores and misses to the output, and checks the targets.</summary>
    public static RecallReport EvaluateAndAssertTargets(IndexSnapshot index, IReadOnlyList<RecallQuery> set, ITestOutputHelper output)
    {
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
        Assert.Equal(RecallKind.All, report.PerKind.Select(k => k.Kind));
        Assert.True(report.Overall.Mrr >= 0.95, $"MRR@10 {report.Overall.Mrr}");
        Assert.True(report.Overall.Recall >= 0.98, $"recall@10 {report.Overall.Recall}");
        return report;
    }
}
