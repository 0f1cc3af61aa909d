using System.Globalization;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Tests.Cli;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Indexing;

/// <summary>
/// The CLI indexer killed with SIGKILL at points spread over a run — starting up, reading, parsing, writing the transaction,
/// just after the commit — leaves an index that opens and holds exactly the last committed state, and a rerun completes.
/// </summary>
public sealed class KilledRunTests(ITestOutputHelper output) : IDisposable
{
    private const int Generated = 1000;
    private static readonly TimeSpan StageWait = TimeSpan.FromMinutes(2);

    private readonly TempFolder temp = new();

    /// <summary>Where to kill: after the first stderr line starting with the stage (at or past the share of its total), plus a delay.</summary>
    private sealed record KillPoint(string Stage, double Share, int DelayMs)
    {
        public override string ToString() => $"{Stage} {Share:P0} +{DelayMs} ms";
    }

    private static readonly KillPoint[] Plan =
    [
        new("", 0, 150), new("read", 0.5, 0), new("parse", 0, 0), new("parse", 0.6, 0),
        new("commit: 0/1", 0, 0), new("commit: 0/1", 0, 200), new("commit: 0/1", 0, 500), new("commit: 1/1", 0, 0),
    ];

    [Fact]
    public void WhenTheIndexerIsKilledAtManyPoints_ShouldAlwaysHoldTheLastCommitAndFinishOnARerun()
    {
        var versions = new[] { ("a", "甲稿"), ("b", "乙稿") };
        foreach (var (folder, marker) in versions)
        {
            GeneratedCorpus.Write(temp.CopyFixtureCorpus(folder), Generated, marker);
        }

        var index = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("a"), IndexDirectory = index });
        var committed = IndexState.Of(index);
        var holds = 0; // which version the committed index holds
        int keptOld = 0, tookNew = 0;

        foreach (var point in Plan)
        {
            var (folder, marker) = versions[1 - holds];
            using (var run = CliProcess.Start("index", "--corpus", temp.Combine(folder), "--index", index))
            {
                var reached = point.Stage.Length == 0 || run.WaitForLine(l => Reached(l, point), StageWait);
                Thread.Sleep(point.DelayMs);
                var finished = run.HasExited;
                run.Kill();
                output.WriteLine($"kill at {point}: {(reached ? "" : "stage not seen, ")}{(finished ? "had already finished" : "killed")}");
            }

            var state = IndexState.Of(index); // opens, or the test fails here
            if (state == committed)
            {
                keptOld++;
                continue;
            }

            Assert.Equal(committed.Generation + 1, state.Generation);
            Assert.Equal(Generated, IndexState.SpeechesWith(index, marker));
            Assert.Equal(0, IndexState.SpeechesWith(index, versions[holds].Item2));
            (committed, holds) = (state, 1 - holds);
            tookNew++;
        }

        output.WriteLine($"{keptOld} kills left the previous commit, {tookNew} came after a commit");
        Assert.True(keptOld >= 5, $"only {keptOld} kills landed before a commit: the test did not exercise mid-run kills");

        var rerun = CliRunner.Run("index", "--corpus", temp.Combine(versions[1 - holds].Item1), "--index", index);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Generated, IndexState.SpeechesWith(index, versions[1 - holds].Item2));
        Assert.Equal(0, IndexState.SpeechesWith(index, versions[holds].Item2));
        Assert.NotEmpty(new Searcher(IndexSnapshot.Load(index)).Search(new SearchRequest { Query = "第999号" }).Hits);
    }

    [Fact]
    public void WhenTheFirstRunIsKilled_ShouldLeaveNoCommittedIndexAndARerunShouldBuildIt()
    {
        var corpus = temp.CopyFixtureCorpus();
        GeneratedCorpus.Write(corpus, 600, "甲稿");
        var files = Directory.GetFiles(corpus).Length;

        foreach (var point in new KillPoint[] { new("", 0, 100), new("", 0, 400), new("read", 0, 0), new("parse", 0, 0), new("commit: 0/1", 0, 100) })
        {
            var index = temp.Combine("index-" + Guid.NewGuid().ToString("N"));
            using (var run = CliProcess.Start("index", "--corpus", corpus, "--index", index))
            {
                if (point.Stage.Length > 0)
                {
                    run.WaitForLine(l => Reached(l, point), StageWait);
                }

                Thread.Sleep(point.DelayMs);
                run.Kill();
            }

            var generation = Indexer.CommittedGeneration(index);
            if (generation == 0)
            {
                Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
            }

            Assert.Equal(files, IndexState.Of(index).Speeches);
            Assert.Equal(1, Indexer.CommittedGeneration(index));
        }
    }

    [Fact]
    public void WhenTheIndexerIsWriting_ShouldLetReadersLoadTheLastCommitWithoutWaiting()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        var committed = IndexState.Of(index);
        GeneratedCorpus.Write(corpus, Generated, "甲稿");

        using var run = CliProcess.Start("index", "--corpus", corpus, "--index", index);
        Assert.True(run.WaitForLine(l => l.StartsWith("commit: 0/1", StringComparison.Ordinal), StageWait), "the run never reached its write stage");
        Thread.Sleep(200); // inside the write transaction by now

        var during = IndexState.Of(index);
        var stillWriting = !run.HasExited;

        Assert.True(stillWriting, "the run finished before the reader was done: the write stage was too short to test");
        Assert.Equal(committed, during);
        Assert.True(run.WaitForExit(StageWait));
        Assert.Equal(committed.Generation + 1, IndexState.Of(index).Generation);
    }

    private static bool Reached(string line, KillPoint point)
    {
        if (!line.StartsWith(point.Stage, StringComparison.Ordinal))
        {
            return false;
        }

        var colon = line.LastIndexOf(' ');
        var parts = line[(colon + 1)..].Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var done)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var total)
            && total > 0 && done >= point.Share * total;
    }

    public void Dispose() => temp.Dispose();
}
