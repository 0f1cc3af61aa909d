using System.Text.Json;

namespace SpeechArchive.Tests.Cli;

public sealed class CliEndToEndTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string corpus;
    private readonly string index;

    public CliEndToEndTests()
    {
        corpus = temp.CopyFixtureCorpus();
        index = temp.Combine("index");
    }

    [Fact]
    public void WhenIndexingThenSearching_ShouldPrintTheSummaryAndJsonHits()
    {
        var (code, stdout, stderr) = CliRunner.Run("index", "--corpus", corpus, "--index", index);
        Assert.True(code == 0, stderr);
        Assert.Contains("added", stdout, StringComparison.Ordinal);

        var search = CliRunner.Run("search", "作风建设", "year:2022", "--json", "--index", index);
        Assert.Equal(0, search.ExitCode);
        using var json = JsonDocument.Parse(search.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() > 0);
        foreach (var hit in root.GetProperty("hits").EnumerateArray())
        {
            Assert.Equal(2022, hit.GetProperty("year").GetInt32());
            foreach (var field in new[] { "speechId", "title", "section", "passageId", "text", "snippet" })
            {
                Assert.Equal(JsonValueKind.String, hit.GetProperty(field).ValueKind);
            }

            Assert.Equal(JsonValueKind.Array, hit.GetProperty("themes").ValueKind);
            Assert.Equal(JsonValueKind.Array, hit.GetProperty("directiveTypes").ValueKind);
        }

        foreach (var facet in new[] { "theme", "year", "directiveType" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty("facets").GetProperty(facet).ValueKind);
        }
    }

    [Fact]
    public void WhenCheckingTheIndex_ShouldPassASoundOneAndNameADamagedOneWithTheWayBack()
    {
        Assert.Equal(0, CliRunner.Run("index", "--corpus", corpus, "--index", index).ExitCode);

        var sound = CliRunner.Run("check", "--index", index, "--json");
        File.WriteAllText(Path.Combine(index, "speecharchive.db"), "不是索引");
        var damaged = CliRunner.Run("check", "--index", index);

        Assert.Equal(0, sound.ExitCode);
        Assert.True(JsonDocument.Parse(sound.Stdout).RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(3, damaged.ExitCode);
        Assert.Contains("damaged", damaged.Stderr, StringComparison.Ordinal);
        Assert.Contains("index --rebuild", damaged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenShowingASpeech_ShouldPrintItsMetadataAndOutline()
    {
        CliRunner.Run("index", "--corpus", corpus, "--index", index);
        var search = CliRunner.Run("search", "公款吃喝", "--json", "--index", index);
        var id = JsonDocument.Parse(search.Stdout).RootElement.GetProperty("hits")[0].GetProperty("speechId").GetString()!;

        var (code, stdout, _) = CliRunner.Run("show", id, "--index", index);

        Assert.Equal(0, code);
        Assert.Contains(id, stdout, StringComparison.Ordinal);
        Assert.Contains("confidence", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.Split('\n'), line => line.TrimEnd('\r').EndsWith(' ')); // piped: no line padded with spaces (Spectre pads a grid to its width)
    }

    [Fact]
    public void WhenShowingASpeechTheIndexDoesNotHold_ShouldNameTheIdAndExitAsAUsageError()
    {
        CliRunner.Run("index", "--corpus", corpus, "--index", index);

        var (code, stdout, stderr) = CliRunner.Run("show", "no-such-speech", "--index", index);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("'no-such-speech'", stderr, StringComparison.Ordinal);
        Assert.Contains("`search` prints speech ids", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEvalTopicalScoresAnIndexLackingJudgedPassages_ShouldWarnThatTheyCountAsNotFound()
    {
        CliRunner.Run("index", "--corpus", corpus, "--index", index);
        var search = CliRunner.Run("search", "公款吃喝", "--json", "--index", index);
        var held = JsonDocument.Parse(search.Stdout).RootElement.GetProperty("hits")[0].GetProperty("passageId").GetString()!;
        var needs = temp.Combine("needs.tsv");
        File.WriteAllText(needs, "id\tkind\tsplit\tquery\tneed\nt01\ttopic\ttune\t公款吃喝\t公款吃喝\n");
        var heldOnly = temp.Combine("held.tsv");
        File.WriteAllText(heldOnly, $"id\tpassage\tgrade\tnote\nt01\t{held}\t2\t\n");
        var oneMissing = temp.Combine("missing.tsv");
        File.WriteAllText(oneMissing, $"id\tpassage\tgrade\tnote\nt01\t{held}\t2\t\nt01\treports.gwr_00041:117\t1\t\n");

        var sound = CliRunner.Run("eval-topical", "--existing", "--index", index, "--modes", "Exact", "--needs", needs, "--judgments", heldOnly);
        var lacking = CliRunner.Run("eval-topical", "--existing", "--index", index, "--modes", "Exact", "--needs", needs, "--judgments", oneMissing);

        Assert.Equal(0, sound.ExitCode);
        Assert.DoesNotContain("warning", sound.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, lacking.ExitCode);
        Assert.Contains("holds 1 of the 2 passages judged (not reports.gwr_00041:117)", lacking.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheQueryIsMalformed_ShouldPrintOneLineAndExitNonZero()
    {
        CliRunner.Run("index", "--corpus", corpus, "--index", index);

        var (code, stdout, stderr) = CliRunner.Run("search", "作风建设 OR", "--index", index);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAnOrganisationIsNotTheArchives_ShouldPrintWhichAndTheNearestOnesAndExitNonZero()
    {
        Assert.Equal(0, CliRunner.Run("index", "--corpus", corpus, "--index", index).ExitCode);

        var (code, stdout, stderr) = CliRunner.Run("search", "作风建设", "org:人设局", "--index", index);
        var known = CliRunner.Run("search", "作风建设", "org:人社局", "--json", "--index", index);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("error: 未知的单位 org:“人设局”", stderr, StringComparison.Ordinal);
        Assert.Contains("相近的有：市人社局。", stderr, StringComparison.Ordinal);
        Assert.Equal(0, known.ExitCode);
        Assert.NotEqual(0, JsonDocument.Parse(known.Stdout).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void WhenACategoryIsNotTheArchives_ShouldPrintWhichAndTheArchivesCategories()
    {
        File.WriteAllText(Path.Combine(corpus, "report.md"), "---\ntitle: 2019年政府工作报告\ncategory: government_work_report\nyear: 2019\n---\n\n要持续深化作风建设。\n");
        Assert.Equal(0, CliRunner.Run("index", "--corpus", corpus, "--index", index).ExitCode);

        var (code, stdout, stderr) = CliRunner.Run("search", "作风建设", "category:报告", "--index", index);
        var known = CliRunner.Run("search", "作风建设", "category:government_work_report", "--json", "--index", index);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("error: 未知的类别“报告”", stderr, StringComparison.Ordinal);
        Assert.Contains("政府工作报告", stderr, StringComparison.Ordinal);
        Assert.Equal(0, known.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(known.Stdout).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void WhenThereIsNoIndex_ShouldSayHowToBuildOne()
    {
        var (code, _, stderr) = CliRunner.Run("search", "作风", "--index", temp.Combine("nowhere"));

        Assert.Equal(3, code);
        Assert.Contains("index --corpus", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAFileFails_ShouldExitNonZeroAndNameIt()
    {
        File.WriteAllBytes(Path.Combine(corpus, "broken.txt"), [0, 1, 2, 0, 0, 255]);

        var (code, stdout, _) = CliRunner.Run("index", "--corpus", corpus, "--index", index);

        Assert.Equal(1, code);
        Assert.Contains("broken.txt", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAskedForStats_ShouldReportTheCounts()
    {
        CliRunner.Run("index", "--corpus", corpus, "--index", index);

        var (code, stdout, _) = CliRunner.Run("stats", "--json", "--index", index);

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(Directory.GetFiles(corpus).Length, root.GetProperty("speeches").GetInt32());
        Assert.True(root.GetProperty("passages").GetInt32() > root.GetProperty("speeches").GetInt32());
        Assert.Equal("base", root.GetProperty("meaning").GetProperty("model").GetString()); // a few files: too few to learn from
        Assert.Equal(1, root.GetProperty("meaning").GetProperty("generation").GetInt64());

        var text = CliRunner.Run("stats", "--index", index).Stdout;
        Assert.Contains("base model, generation 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split('\n'), line => line.TrimEnd('\r').EndsWith(' '));
    }

    [Fact]
    public void WhenAskedForHelp_ShouldListTheCommands()
    {
        var (code, stdout, stderr) = CliRunner.Run("--help");

        Assert.True(code == 0, stderr);
        foreach (var command in new[] { "index", "search", "show", "stats" })
        {
            Assert.Contains(command, stdout, StringComparison.Ordinal);
        }
    }

    public void Dispose() => temp.Dispose();
}
