using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// The topical order's weights in <c>Ranker.Topical.cs</c> and the free-text order's (questions' and statements') in <c>Ranker.FreeTextOrder.cs</c> are what <c>eval-topical --learn-order</c> learns from the committed
/// tune judgments (needs.tsv's tune split, and the topics, questions and paraphrases written to learn from, tune2-needs.tsv) over the evaluation's archive (<see cref="EvaluationArchive"/>): committed data
/// beside the command that makes it again.
/// </summary>
[Collection(EvaluationArchiveCollection.Name)]
public sealed class TopicalOrderWeightsTests(EvaluationArchive archive)
{
    [SkippableFact]
    public void CommittedWeights_ShouldBeWhatTheCommittedJudgmentsTeach()
    {
        var set = TopicalSet.Load(Path.Combine(FixturePaths.Root, "Topical", "needs.tsv"), Path.Combine(FixturePaths.Root, "Topical", "judgments.tsv"))
            .With(TopicalSet.Load(Path.Combine(FixturePaths.Root, "Topical", "tune2-needs.tsv"), Path.Combine(FixturePaths.Root, "Topical", "tune2-judgments.tsv")));

        var searcher = archive.Searcher();

        var topical = TopicalOrderLearner.Learn(searcher, set);
        var freeText = TopicalOrderLearner.LearnFreeText(searcher, set);
        var statements = TopicalOrderLearner.LearnStatements(searcher, set);

        // The needs each order takes (the rest are read otherwise: a topic as free text, a question as a statement or plain words).
        Assert.Equal(58, topical.Needs); // of 63 topics: 13 of needs.tsv's tune split, 50 of tune2-needs.tsv
        Assert.Equal(73, freeText.Needs); // of 143 questions and paraphrases: 26 of needs.tsv's tune split, 117 of tune2-needs.tsv
        Assert.Equal(70, statements.Needs); // of the same 143
        AssertCommitted(Ranker.TopicalWeights, Ranker.TopicalFeatureNames, topical);
        AssertCommitted(Ranker.FreeTextWeights, Ranker.FreeTextFeatureNames, freeText);
        AssertCommitted(Ranker.StatementWeights, Ranker.FreeTextFeatureNames, statements);
    }

    private static void AssertCommitted(double[] committed, string[] names, TopicalOrderModel model)
    {
        Assert.Equal(committed.Length, model.Weights.Length);
        for (var f = 0; f < model.Weights.Length; f++)
        {
            Assert.True(Math.Abs(committed[f] - model.Weights[f]) < 0.00005,
                $"{names[f]}: committed {committed[f]}, learned {model.Weights[f]:0.0000} (run eval-topical --learn-order)");
        }
    }
}
