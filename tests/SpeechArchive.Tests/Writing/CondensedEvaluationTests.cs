using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary><c>eval-topical --condensed</c>: a ranking's passages never judged are left out before its first ten are scored.</summary>
public sealed class CondensedEvaluationTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenARankingBringsAnUnjudgedPassageFirst_ShouldScoreItAsIfItWereNotThereOnlyWhenCondensed()
    {
        var needs = new List<TopicalNeed> { new("a1", "topic", "test", "甲", "相关") };
        var judgments = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["a1"] = new Dictionary<string, int> { ["p:a1"] = 2, ["p:a2"] = 0 } };
        var set = new TopicalSet(needs, judgments);
        TopicalMode[] modes = [new("Given", SearchMode.Understood) { Rankings = new Dictionary<string, IReadOnlyList<string>> { ["甲"] = ["new:0", "p:a2", "p:a1"] } }];

        var full = TopicalEvaluator.Evaluate(seeds.Searcher, set, modes).Runs[0].Results[0];
        var condensed = TopicalEvaluator.Evaluate(seeds.Searcher, set, modes, condensed: true).Runs[0].Results[0];

        Assert.Equal(1 / Math.Log2(4), full.Ndcg, 12); // the relevant passage third, below an unjudged one counted 0
        Assert.Equal((1, 3), (full.Unjudged, full.Found));
        Assert.Equal(1 / Math.Log2(3), condensed.Ndcg, 12); // second, once the unjudged one is left out
        Assert.Equal((1, 3), (condensed.Unjudged, condensed.Found)); // left out to make the passages scored, and said

        Assert.Equal(["p:a2", "p:a1"], condensed.Ranking);
    }
}
