using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// The topical order's weights in <c>Ranker.Topical.cs</c> are what <c>eval-topical --learn-order</c> learns from the committed
/// tune judgments over corpus/ + the shared reports and xi-2020 (laid out as eval-topical lays them out): committed data
/// beside the command that makes it again.
/// </summary>
public sealed class TopicalOrderWeightsTests
{
    [SkippableFact]
    public void CommittedWeights_ShouldBeWhatTheCommittedJudgmentsTeach()
    {
        var reports = SharedCorpus.Require("reports");
        var xi = SharedCorpus.Require("xi-2020");
        using var temp = new TempFolder();
        RecallCorpus.Stage(temp.Combine("corpus"), [Path.Combine(FixturePaths.RepoRoot, "corpus"), reports, xi]);
        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") });
        var set = TopicalSet.Load(Path.Combine(FixturePaths.Root, "Topical", "needs.tsv"), Path.Combine(FixturePaths.Root, "Topical", "judgments.tsv"));

        var model = TopicalOrderLearner.Learn(new Searcher(IndexSnapshot.Load(temp.Combine("index")), QueryUnderstanding.Default), set);

        Assert.Equal(13, model.Needs);
        Assert.Equal(Ranker.TopicalWeights.Length, model.Weights.Length);
        for (var f = 0; f < model.Weights.Length; f++)
        {
            Assert.True(Math.Abs(Ranker.TopicalWeights[f] - model.Weights[f]) < 0.00005,
                $"{Ranker.TopicalFeatureNames[f]}: committed {Ranker.TopicalWeights[f]}, learned {model.Weights[f]:0.0000} (run eval-topical --learn-order)");
        }
    }
}
