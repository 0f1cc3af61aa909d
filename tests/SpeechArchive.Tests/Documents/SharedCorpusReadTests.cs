using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>Real archives: every shared text of the speech-like sets must read, with its manifest where there is one.</summary>
public sealed class SharedCorpusReadTests
{
    [SkippableTheory]
    [InlineData("seeds")]
    [InlineData("reports")]
    [InlineData("xi-2020")]
    public void WhenSharedSetIsRead_ShouldReadEveryFileWithATitleAndYear(string set)
    {
        var root = SharedCorpus.Require(set);

        var tables = new MetadataTableCache();
        var reader = new DocumentReader();

        var results = new CorpusScanner().Scan(root).Select(f => reader.Read(f, tables.For(f))).ToList();

        Assert.NotEmpty(results);
        Assert.Empty(results.Where(r => !r.Succeeded).Select(r => $"{r.Key}: {r.Reason}"));
        Assert.Empty(tables.Warnings);
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Document!.Metadata.Title), r.Key));
        Assert.All(results, r => Assert.NotNull(r.Document!.Metadata.Year));
        Assert.Equal(results.Count, results.Select(r => r.Document!.Id).Distinct().Count());
    }
}
