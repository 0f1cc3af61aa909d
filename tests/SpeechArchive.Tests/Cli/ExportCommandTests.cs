using System.Text.Json;
using SpeechArchive.Indexing;

namespace SpeechArchive.Tests.Cli;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenExportingFromTheCommandLine_ShouldWriteTheFilesOrRefuseWithTheFoldersName()
    {
        var index = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = FixturePaths.Corpus, IndexDirectory = index });
        var output = temp.Combine("es");

        var (code, stdout, stderr) = CliRunner.Run("export", "--format", "elasticsearch", "--out", output, "--docs-per-file", "10", "--index", index, "--json");

        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout);
        var files = result.RootElement.GetProperty("passageFiles").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.True(files.Count > 1);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(output, f)), f));
        Assert.True(File.Exists(Path.Combine(output, "index-template.json")));

        var again = CliRunner.Run("export", "--format", "elasticsearch", "--out", output, "--index", index);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("README.md", again.Stdout, StringComparison.Ordinal);

        var foreign = temp.Combine("foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");
        var refused = CliRunner.Run("export", "--format", "elasticsearch", "--out", foreign, "--index", index);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(foreign, refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(foreign).Select(Path.GetFileName));

        var missing = temp.Combine("no-index");
        var noIndex = CliRunner.Run("export", "--format", "elasticsearch", "--out", temp.Combine("es2"), "--index", missing);
        Assert.Equal(3, noIndex.ExitCode);
        Assert.Contains(missing, noIndex.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("es2")), "nothing is written without an index");

        Assert.Equal(2, CliRunner.Run("export", "--format", "solr", "--out", temp.Combine("es3"), "--index", index).ExitCode);
        Assert.Equal(2, CliRunner.Run("export", "--format", "elasticsearch", "--out", temp.Combine("es3"), "--docs-per-file", "0", "--index", index).ExitCode);
    }

    public void Dispose() => temp.Dispose();
}
