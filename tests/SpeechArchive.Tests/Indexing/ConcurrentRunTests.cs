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
        GeneratedCorpus.Write(corpus, 200, "甲稿");
        var options = new IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine("index") };
        using var parsing = new StageGate("parse");

        var first = Task.Run(() => Indexer.Run(options with { Parallelism = 1 }, parsing));
        Assert.True(parsing.WaitReached(), "the first run never reached its parse stage");
        var refused = Assert.Throws<SpeechArchiveException>(() => Indexer.Run(options));
        parsing.Release();
        var result = await first;
        var after = Indexer.Run(options);

        Assert.Contains("Another indexing run", refused.Message, StringComparison.Ordinal);
        Assert.True(result.Committed);
        Assert.Equal(Directory.GetFiles(corpus).Length, result.Added);
        Assert.Equal(Directory.GetFiles(corpus).Length, after.Unchanged);
        Assert.Equal(200, IndexState.SpeechesWith(options.IndexDirectory, "甲稿"));
    }

    public void Dispose() => temp.Dispose();
}
