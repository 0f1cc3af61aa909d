using SpeechArchive.Semantics;

namespace SpeechArchive.Tests.Cli;

public sealed class LearnCommandsTests
{
    [Theory]
    [InlineData("vectors", "vectors.bin")]
    [InlineData("lexicon", "lexicon.tsv")]
    public void WhenTheFoldersHoldNoSpeechFile_ShouldSaySoNamingThemAndWriteNothing(string command, string output)
    {
        using var temp = new TempFolder();
        temp.Write("empty/notes.pdf", "not a speech");
        var folder = temp.Combine("empty");
        var file = temp.Combine(output);

        var (code, _, stderr) = CliRunner.Run(command, "learn", "--corpus", folder, "--out", file);

        Assert.NotEqual(0, code);
        Assert.Contains(folder, stderr, StringComparison.Ordinal);
        Assert.Contains("nothing to learn from", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(file), $"{file} was written");
    }

    [Theory]
    [InlineData("--dimensions", "0")]
    [InlineData("--tolerance", "0")]
    [InlineData("--tolerance", "2")]
    [InlineData("--words", "-5")]
    public void WhenAVectorsLearnNumberIsOutOfRange_ShouldBeAUsageErrorNamingItAndWriteNothing(string option, string value)
    {
        using var temp = new TempFolder();
        temp.Write("texts/a.txt", "加强党风廉政建设。");
        var file = temp.Combine("vectors.bin");

        var (code, _, stderr) = CliRunner.Run("vectors", "learn", "--corpus", temp.Combine("texts"), "--out", file, option, value);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(file), $"{file} was written");
    }

    [Fact]
    public void WhenStartedFromAVectorFile_ShouldLearnAndNameItInTheProvenance()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 40; i++)
        {
            temp.Write($"texts/{i}.txt", "加强党风廉政建设，推进全面从严治党。坚持反腐败斗争，加强作风建设。深化改革开放，推动经济发展。");
        }

        var first = temp.Combine("first.bin");
        var second = temp.Combine("second.bin");
        var (code, stdout, stderr) = CliRunner.Run("vectors", "learn", "--corpus", temp.Combine("texts"), "--out", first, "--dimensions", "4");
        Assert.True(code == 0, stderr);
        Assert.Contains("rounds", stdout, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("vectors", "learn", "--corpus", temp.Combine("texts"), "--out", second, "--dimensions", "4", "--start", first);

        Assert.True(code == 0, stderr);
        Assert.Contains("--start " + first, WordVectors.Read(File.OpenRead(second), second).Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheStartFileIsMissing_ShouldSaySoNamingItAndWriteNothing()
    {
        using var temp = new TempFolder();
        temp.Write("texts/a.txt", "加强党风廉政建设。");
        var file = temp.Combine("vectors.bin");
        var missing = temp.Combine("no-such.bin");

        var (code, _, stderr) = CliRunner.Run("vectors", "learn", "--corpus", temp.Combine("texts"), "--out", file, "--start", missing);

        Assert.NotEqual(0, code);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(file), $"{file} was written");
    }
}
