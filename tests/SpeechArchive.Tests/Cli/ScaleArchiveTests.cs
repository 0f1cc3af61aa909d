using SpeechArchive.Cli.Bench;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Cli;

/// <summary>The archive N times a corpus that <c>bench --scale</c> measures: real files written from the fixture corpus, indexed for real.</summary>
public sealed class ScaleArchiveTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenWrittenTwice_ShouldHoldTwiceTheSpeechesAndAboutTwiceThePassagesAndIndexWithoutWarnings()
    {
        var once = Build("x1", times: 1, seed: 15);
        var twice = Build("x2", times: 2, seed: 15);

        Assert.Equal(2 * once.Speeches, twice.Speeches);
        // Each passage is replaced by a real one of another speech; a line re-read with other passages may split or join
        // differently, so the count is close to twice, not exact.
        Assert.InRange((double)twice.Passages / once.Passages, 1.8, 2.2);
        Assert.InRange((double)twice.Characters / once.Characters, 1.7, 2.3);
        Assert.Empty(twice.Failed);
        Assert.Empty(twice.Warnings);
        var snapshot = IndexSnapshot.Load(temp.Combine("x2", "index"));
        Assert.All(snapshot.Speeches.Where(s => s.FileKey.StartsWith(ScaleArchive.RoundFolder(2) + "/", StringComparison.Ordinal)), s => Assert.NotNull(s.Year));
    }

    [Fact]
    public void WhenWrittenWithTheSameSeed_ShouldWriteTheSameFiles_AndWithAnotherSeedOthers()
    {
        ScaleArchive.Write(FixturePaths.Corpus, temp.Combine("a"), 3, seed: 7);
        ScaleArchive.Write(FixturePaths.Corpus, temp.Combine("b"), 3, seed: 7);
        ScaleArchive.Write(FixturePaths.Corpus, temp.Combine("c"), 3, seed: 8);

        var a = Contents(temp.Combine("a"));
        Assert.Equal(a, Contents(temp.Combine("b")));
        Assert.NotEqual(a, Contents(temp.Combine("c")));
    }

    [Fact]
    public void WhenWrittenThreeTimes_ShouldRepeatNoSpeech()
    {
        var written = ScaleArchive.Write(FixturePaths.Corpus, temp.Combine("x3"), 3, seed: 15);

        var real = Directory.GetFiles(FixturePaths.Corpus).Length;
        Assert.Equal(2 * real, written);
        var texts = Directory.GetFiles(temp.Combine("x3"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        Assert.Equal(3 * real, texts.Count);
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "1,x")]
    [InlineData("--scale", "3", "--existing", "index")]
    public void WhenTheScaleIsMalformedOrMixedWithExisting_ShouldRefuseIt(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(["bench", .. args, "--work", temp.Combine("work")]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: --scale ", Assert.Single(stderr.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("work")));
    }

    public void Dispose() => temp.Dispose();

    private IndexRunResult Build(string name, int times, int seed)
    {
        var corpus = temp.Combine(name, "corpus");
        ScaleArchive.Write(FixturePaths.Corpus, corpus, times, seed);
        return Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine(name, "index") });
    }

    private static Dictionary<string, string> Contents(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
}
