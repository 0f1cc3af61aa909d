using SpeechArchive.Documents;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Documents;

public sealed class MetadataInferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string[]> SeedCases => Fixture.Rows("seed-inference.tsv");

    public static TheoryData<string[]> YearCases => Fixture.Rows("year-cases.tsv");

    [SkippableTheory]
    [MemberData(nameof(SeedCases))]
    public void WhenSeedHasNoMetadata_ShouldInferTheTitleAndYearAReaderWould(string[] row)
    {
        var seeds = SharedCorpus.Require("seeds");

        var text = File.ReadAllText(Path.Combine(seeds, row[0]));

        var title = MetadataInference.InferTitle(text);
        var year = MetadataInference.InferYear(text);

        Assert.NotNull(title);
        Assert.Equal(row[1], title.Value.Value);
        Assert.InRange(title.Value.Provenance.Confidence, row[2] == "line" ? 0.5 : 0.05, row[2] == "line" ? 0.9 : 0.4);
        Assert.StartsWith("inferred: ", title.Value.Provenance.Origin, StringComparison.Ordinal);
        Assert.NotNull(year);
        Assert.Equal(int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), year.Value.Value);
        Assert.InRange(year.Value.Provenance.Confidence, 0.01, 0.99);
        output.WriteLine($"{row[0]}: {year.Value.Provenance}");
    }

    [Theory]
    [MemberData(nameof(YearCases))]
    public void WhenTextMentionsYearsOrCues_ShouldInferTheExpectedYear(string[] row)
    {
        var year = MetadataInference.InferYear(row[1]);

        var expected = row.Length > 2 && row[2].Length > 0 ? row[2] : null;
        Assert.Equal(expected, year?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public void WhenSpeechesOf2020AreDatedByInference_ShouldAgreeWithTheManifestForMostOfThem()
    {
        var xi = SharedCorpus.Require("xi-2020");

        var table = MetadataTable.Load(Path.Combine(xi, "MANIFEST.tsv"));
        var files = new CorpusScanner().Scan(xi);

        var agreeing = files.Count(f => MetadataInference.InferYear(File.ReadAllText(f.FullPath))?.Value == table.Find(f)?.Year);

        output.WriteLine($"{agreeing} of {files.Count} agree");
        Assert.True(agreeing >= 0.8 * files.Count, $"only {agreeing} of {files.Count} inferred years agree with MANIFEST.tsv");
    }

    [Fact]
    public void WhenFirstLineIsATitle_ShouldTakeItWithModerateConfidence()
    {
        var title = MetadataInference.InferTitle("在全市党风廉政建设工作会议上的讲话\n同志们：\n今天我们召开会议。");

        Assert.Equal("在全市党风廉政建设工作会议上的讲话", title?.Value);
        Assert.InRange(title!.Value.Provenance.Confidence, 0.5, 0.9);
    }

    [Fact]
    public void WhenOpeningSentenceIsShort_ShouldTakeItWhole()
    {
        var title = MetadataInference.InferTitle("同志们：\n现在开会。下面我讲三点意见。");

        Assert.Equal("现在开会", title?.Value);
    }

    [Fact]
    public void WhenFirstLineEndsWithAFullStop_ShouldNotTakeItAsTitle()
    {
        var title = MetadataInference.InferTitle("会议开得很好。\n");

        Assert.Equal("会议开得很好", title?.Value);
        Assert.True(title!.Value.Provenance.Confidence < 0.5);
    }

    [Fact]
    public void WhenTextIsEmpty_ShouldInferNothing()
    {
        Assert.Null(MetadataInference.InferTitle("\n \n"));
        Assert.Null(MetadataInference.InferYear(""));
    }
}
