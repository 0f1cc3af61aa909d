using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>The project's corpus/*.md were made from the shared seeds; reading them must give back every seed line.</summary>
public sealed class ProjectCorpusTests
{
    public static TheoryData<string[]> Cases => Fixture.Rows("project-corpus.tsv");

    private static string CorpusFolder => Path.Combine(SharedCorpus.RepositoryRoot()!, "corpus");

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void WhenCorpusFileIsRead_ShouldGiveExactlyTheSeedLines(string[] row)
    {
        var seeds = SharedCorpus.Require("seeds");

        var dropped = int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture);
        var seedLines = File.ReadAllText(Path.Combine(seeds, row[1])).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var file = new CorpusScanner().Scan(CorpusFolder).Single(f => f.Key == row[0]);

        var result = new DocumentReader().Read(file, null);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(string.Join('\n', seedLines.Skip(dropped)), result.Document.Text);
        var title = result.Document.Metadata.Title ?? "";
        Assert.All(seedLines.Take(dropped), line => Assert.Contains(string.Join(' ', line.Split()), title, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenCorpusFileIsRead_ShouldCarryFrontMatterForItsSeed(string[] row)
    {
        var file = new CorpusScanner().Scan(CorpusFolder).Single(f => f.Key == row[0]);

        var result = new DocumentReader().Read(file, null);

        Assert.True(result.Succeeded, result.Reason);
        var m = result.Document.Metadata;
        Assert.Equal("seeds/" + row[1], m.Source);
        Assert.Equal(2022, m.Year);
        Assert.Equal("front matter", m.TitleProvenance.Origin);
        Assert.False(string.IsNullOrWhiteSpace(m.Title));
        Assert.False(string.IsNullOrWhiteSpace(m.Meeting));
        Assert.InRange(m.Tags.Count, 3, 6);
        Assert.NotEmpty(result.Document.Headings);
        Assert.All(result.Document.Headings, h => Assert.Matches("^[一二三四五六七八九十]+、", result.Document.Text[h.Start..]));
    }

    [Fact]
    public void WhenCorpusFolderIsScanned_ShouldHoldOnlyFilesCheckedAgainstTheirSeeds()
    {
        var listed = Fixture.ReadRows("project-corpus.tsv").Select(row => row[0]).ToHashSet();

        var keys = new CorpusScanner().Scan(CorpusFolder).Select(f => f.Key);

        Assert.All(keys, key => Assert.Contains(key, listed));
    }
}
