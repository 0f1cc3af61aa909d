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
}
