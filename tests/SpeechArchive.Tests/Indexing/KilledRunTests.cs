using System.Text;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Tests.Cli;

namespace SpeechArchive.Tests.Indexing;

/// <summary>A run killed with SIGKILL at any point leaves the last committed index, and a rerun completes.</summary>
public sealed class KilledRunTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenTheIndexerIsKilledMidRun_ShouldLeaveTheLastCommittedIndex()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        var committed = Fingerprint(index);
        GenerateFiles(corpus, 1200);

        var sawMidRun = 0;
        foreach (var delay in new[] { 300, 700, 1200, 1800, 2600 })
        {
            using var process = CliRunner.Start(["index", "--corpus", corpus, "--index", index]);
            Thread.Sleep(delay);
            var finished = process.HasExited;
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            var state = Fingerprint(index);
            if (finished)
            {
                break;
            }

            Assert.True(state == committed || state.Speeches == committed.Speeches + 1200,
                $"after a kill at {delay} ms the index holds {state.Speeches} speeches, expected {committed.Speeches} or {committed.Speeches + 1200}");
            if (state == committed)
            {
                sawMidRun++;
            }
            else
            {
                committed = state;
            }
        }

        Assert.True(sawMidRun > 0, "no kill landed before the commit: the test did not exercise a mid-run kill");
        var rerun = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        Assert.Empty(rerun.Failed);
        Assert.Equal(Directory.GetFiles(corpus).Length, Fingerprint(index).Speeches);
        Assert.NotEmpty(new Searcher(IndexSnapshot.Load(index)).Search(new SearchRequest { Query = "第1199号" }).Hits);
    }

    private static (int Speeches, int Passages, long Generation) Fingerprint(string index)
    {
        var snapshot = IndexSnapshot.Load(index);
        return (snapshot.Speeches.Count, snapshot.Passages.Count, snapshot.Generation);
    }

    private static void GenerateFiles(string corpus, int count)
    {
        var sentences = Directory.GetFiles(FixturePaths.Corpus)
            .SelectMany(f => File.ReadAllLines(f))
            .Where(l => l.Length > 20 && !l.StartsWith('-') && !l.Contains(':', StringComparison.Ordinal))
            .ToArray();
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder($"第{i}号通报\n\n同志们：\n");
            for (var p = 0; p < 40; p++)
            {
                sb.Append(sentences[random.Next(sentences.Length)]).Append("本段编号第").Append(i).Append("号。\n");
            }

            File.WriteAllText(Path.Combine(corpus, $"gen-{i:0000}.txt"), sb.ToString());
        }
    }

    public void Dispose() => temp.Dispose();
}
