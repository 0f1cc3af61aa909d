using SpeechArchive.Cli.Peers;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Cli;

/// <summary>The peer baseline of the evaluations (BM25 over Lucene SmartCN's words), run for real under java.</summary>
public sealed class SmartcnPeerTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [SkippableFact]
    public void WhenThePeerRanksQueries_ShouldAnswerEachWithPassagesOfTheIndexHoldingItsWords()
    {
        var (_, missing) = SmartcnPeer.Find();
        if (missing is not null)
        {
            Assert.False(ExternalTools.InCi, "The peer must run in CI (.ci/run installs java and liblucene8-java): " + missing);
            Skip.If(true, missing);
        }

        var rankings = SmartcnPeer.Rank(seeds.Snapshot, ["怎样防止干部腐败", "巡察整改", "zzyzx"], 10);

        Assert.Equal(3, rankings.Count);
        var corruption = rankings["怎样防止干部腐败"];
        Assert.Equal(10, corruption.Count);
        Assert.Equal(corruption.Count, corruption.Distinct().Count());
        foreach (var id in corruption.Concat(rankings["巡察整改"]))
        {
            Assert.NotNull(seeds.Snapshot.FindPassage(id));
        }

        var first = seeds.Snapshot.PassageText(seeds.Snapshot.FindPassage(corruption[0])!.Value);
        Assert.True(new[] { "防止", "干部", "腐败" }.Any(w => first.Contains(w, StringComparison.Ordinal)), first);
        Assert.Contains(rankings["巡察整改"], id => seeds.Snapshot.PassageText(seeds.Snapshot.FindPassage(id)!.Value).Contains("巡察", StringComparison.Ordinal));
        Assert.Empty(rankings["zzyzx"]);
    }
}
