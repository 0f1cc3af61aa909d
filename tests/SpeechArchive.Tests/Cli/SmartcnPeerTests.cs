using SpeechArchive.Cli.Peers;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Cli;

/// <summary>The peer baseline of the evaluations (BM25 over Lucene SmartCN's words), run for real under java.</summary>
public sealed class SmartcnPeerTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [SkippableFact]
    public void WhenThePeerRanksQueries_ShouldAnswerEachWithPassagesOfTheIndexHoldingItsWords()
    {
        SkipUnlessThePeerRuns();

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
    [SkippableFact]
    public void WhenAPassageHoldsTabsAndBackslashes_ShouldHandItToThePeerWholeAndGetItsIdBack()
    {
        SkipUnlessThePeerRuns();
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("corpus"));
        File.WriteAllText(folder.Combine("corpus", "tabs.md"),
            "# 关于检察工作的讲话\n\n同志们：\n\n一是检察机关\t依法独立行使\\n检察权，不受行政机关干涉。\n\n二是加强队伍建设，提高办案质量。\n");
        Indexer.Run(new IndexOptions { CorpusDirectory = folder.Combine("corpus"), IndexDirectory = folder.Combine("index") });
        var snapshot = IndexSnapshot.Load(folder.Combine("index"));
        var holding = Enumerable.Range(0, snapshot.Passages.Count).Single(d => snapshot.PassageText(d).Contains("检察权", StringComparison.Ordinal));
        Assert.Contains("\\n", snapshot.PassageText(holding), StringComparison.Ordinal);

        var ranked = SmartcnPeer.Rank(snapshot, ["检察权 干涉"], 10)["检察权 干涉"];

        Assert.Equal(snapshot.Passages[holding].Id, ranked[0]);
    }

    private static void SkipUnlessThePeerRuns()
    {
        var (_, _, missing) = SmartcnPeer.Find();
        if (missing is not null)
        {
            Assert.False(ExternalTools.InCi, "The peer must run in CI (.ci/run installs a JDK and liblucene8-java): " + missing);
            Skip.If(true, missing);
        }
    }
}
