using System.Text.RegularExpressions;

namespace SpeechArchive.Tests.Cli;

/// <summary>Runs the README's command-line example on the repository's corpus/, so the README cannot rot.</summary>
public sealed partial class ReadmeTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenRunningTheReadmeSearchExample_ShouldPrintTheHitsTheReadmeShows()
    {
        var readme = File.ReadAllText(Path.Combine(FixturePaths.RepoRoot, "README.md"));
        var command = SearchExample().Match(readme);
        Assert.True(command.Success, "README has no `-- search …` example");
        var shown = OutputBlock().Match(readme[command.Index..]).Groups[1].Value;
        var index = temp.Combine("index");
        Assert.Equal(0, CliRunner.Run("index", "--corpus", Path.Combine(FixturePaths.RepoRoot, "corpus"), "--index", index).ExitCode);

        var args = command.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--index").Append(index).ToArray();
        var (code, stdout, _) = CliRunner.Run(args);

        Assert.Equal(0, code);
        var expectedHeadlines = HitHeadline().Matches(shown).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(expectedHeadlines);
        Assert.Equal(expectedHeadlines, HitHeadline().Matches(stdout).Select(m => m.Groups[1].Value).ToList());
        Assert.Equal(CountLine().Match(shown).Value, CountLine().Match(stdout).Value);
    }

    public void Dispose() => temp.Dispose();

    [GeneratedRegex(@"-- (search [^\n`]+)")]
    private static partial Regex SearchExample();

    [GeneratedRegex(@"```\n(\d+ passages.*?)```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();

    [GeneratedRegex(@"^\d+\. (.+?) \(\d{4}\) (\S+)", RegexOptions.Multiline)]
    private static partial Regex HitHeadline();

    [GeneratedRegex(@"^\d+ passages in \d+ speeches")]
    private static partial Regex CountLine();
}
