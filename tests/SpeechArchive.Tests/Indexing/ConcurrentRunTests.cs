using SpeechArchive.Indexing;

namespace SpeechArchive.Tests.Indexing;

/// <summary>Two runs on one index never interleave: while one runs, another is refused with a message, and the first finishes whole.</summary>
public sealed class ConcurrentRunTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public async Task WhenASecondRunStartsWhileOneRuns_ShouldRefuseItAndLetTheFirstFinish()
    {
        var corpus = temp.CopyFixtureCorpus();
        GeneratedCorpus.Write(corpus, 400, "甲稿");
        var options = new IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine("index") };
        using var parsing = new ManualResetEventSlim();

        var first = Task.Run(() => Indexer.Run(options, new StageSignal("parse", parsing)));
        Assert.True(parsing.Wait(TimeSpan.FromMinutes(2)), "the first run never reached its parse stage");
        var refused = Assert.Throws<SpeechArchiveException>(() => Indexer.Run(options));
        var result = await first;
        var after = Indexer.Run(options);

        Assert.Contains("Another indexing run", refused.Message, StringComparison.Ordinal);
        Assert.True(result.Committed);
        Assert.Equal(Directory.GetFiles(corpus).Length, result.Added);
        Assert.Equal(Directory.GetFiles(corpus).Length, after.Unchanged);
        Assert.Equal(400, IndexState.SpeechesWith(options.IndexDirectory, "甲稿"));
    }

    private sealed class StageSignal(string stage, ManualResetEventSlim signal) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            if (value.Stage == stage)
            {
                signal.Set();
            }
        }
    }

    public void Dispose() => temp.Dispose();
}
