using System.Text.Json;

namespace SpeechArchive.Tests.Cli;

/// <summary>The CLI's options alike in every command: --json where a command prints data, and an unknown option an error naming the valid ones.</summary>
public sealed class UsageTests : IDisposable
{
    private const string Draft = "一、加强党的建设\n\n各级党组织要严肃考核问责，加大考核力度。我们必须坚持全面从严治党。\n";

    private readonly TempFolder temp = new();

    [Fact]
    public void WhenClassifyGetsJson_ShouldPrintTheLabelsAsJson()
    {
        var file = temp.Combine("draft.txt");
        File.WriteAllText(file, Draft);

        var (code, stdout, stderr) = CliRunner.Run("classify", file, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var sentences = json.RootElement.GetProperty("sentences").EnumerateArray().ToList();
        var must = Assert.Single(sentences, s => s.GetProperty("text").GetString() == "我们必须坚持全面从严治党。");
        Assert.Equal("requirement", must.GetProperty("directiveType").GetString());
        Assert.Equal("部署要求", must.GetProperty("directiveLabel").GetString());
        Assert.NotEqual(0, must.GetProperty("reasons").GetArrayLength());
        var passage = Assert.Single(json.RootElement.GetProperty("passages").EnumerateArray().ToList());
        Assert.Contains("oversight", passage.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("监督问责", passage.GetProperty("themeLabels").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void WhenClassifyGetsNoJson_ShouldPrintTheLabelsAsText()
    {
        var (code, stdout, stderr) = CliRunner.RunWithInput(Draft, "classify", "-");

        Assert.True(code == 0, stderr);
        Assert.Contains("部署要求 我们必须坚持全面从严治党。", stdout, StringComparison.Ordinal);
        Assert.Contains("监督问责", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sentences\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("classify", "--foo", "--taxonomy --json", "classify", "--foo")]
    [InlineData("stats", "--foo", "--json", "stats", "--json", "--foo")]
    [InlineData("search", "--foo", "--limit --sort --json", "search", "作风", "--foo=3")]
    [InlineData("show", "--bogus", "--passages --json", "show", "abc", "--bogus")]
    [InlineData("draft-check", "-x", "--precedents --json", "draft-check", "-x")]
    [InlineData("lexicon top", "--bogus", "--lexicon --limit --json", "lexicon", "top", "--bogus")]
    [InlineData("recall-sample", "--misses", "--per-kind --seed --json", "recall-sample", "--misses")]
    public void WhenAnOptionIsUnknown_ShouldSayWhichAndNameTheValidOnes(string command, string unknown, string valid, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--index", temp.Combine("no-index")]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        var prefix = $"error: Unknown option '{unknown}' for {command}. Valid options: ";
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        var named = line[prefix.Length..].Split(", ");
        Assert.All(valid.Split(' ').Concat(["--index", "--help"]), option => Assert.Contains(option, named));
    }

    [Fact]
    public void WhenAQueryWordSpellsAnOption_ShouldSuggestTheOption()
    {
        var (code, _, stderr) = CliRunner.Run("search", "作风", "-limit", "3", "--index", temp.Combine("no-index"));

        Assert.Equal(2, code);
        Assert.Contains("Unknown option '-limit' for search (did you mean --limit?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAQueryExcludesAWord_ShouldSearchWithoutIt()
    {
        var index = temp.Combine("index");
        Assert.Equal(0, CliRunner.Run("index", "--corpus", temp.CopyFixtureCorpus(), "--index", index).ExitCode);

        var all = CliRunner.Run("search", "作风建设", "--json", "--index", index);
        var without = CliRunner.Run("search", "作风建设", "-公款", "--json", "--index", index);

        Assert.True(without.ExitCode == 0, without.Stderr);
        var total = JsonDocument.Parse(all.Stdout).RootElement.GetProperty("total").GetInt32();
        var fewer = JsonDocument.Parse(without.Stdout).RootElement.GetProperty("total").GetInt32();
        Assert.InRange(fewer, 0, total - 1);
    }

    [Fact]
    public void WhenADashedWordComesAfterDoubleDash_ShouldBeAnArgument()
    {
        var (code, _, stderr) = CliRunner.Run("classify", "--", "--json");

        Assert.Equal(3, code);
        Assert.Contains("No such file: --json", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error: --offset must be from 0 to 100000 (got -1)", "search", "作风", "--offset", "-1")]
    [InlineData("error: --offset must be from 0 to 100000 (got 5000000)", "search", "作风", "--offset", "5000000")]
    [InlineData("error: --limit must be from 0 to 1000 (got -3)", "search", "作风", "--limit", "-3")]
    [InlineData("error: --limit must be from 0 to 1000 (got 100000)", "search", "作风", "--limit", "100000")]
    [InlineData("error: --limit takes a whole number (got 'abc')", "search", "作风", "--limit", "abc")]
    [InlineData("error: --limit must be from 1 to 100 (got 0)", "similar", "x:1", "--limit", "0")]
    [InlineData("error: --limit must be at least 0 (got -5)", "concordance", "作风", "--limit", "-5")]
    public void WhenAPagingValueIsOutOfRange_ShouldRefuseItNamingTheRange(string error, params string[] args)
    {
        var index = temp.Combine("no-index");

        var (code, stdout, stderr) = CliRunner.Run([.. args, "--index", index]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(error, Assert.Single(stderr.Trim().Split('\n')));
        Assert.False(Directory.Exists(index)); // refused before any index was opened
    }

    [Fact]
    public void WhenTheParserFails_ShouldPrintOneLineAndExitWithTheUsageCode()
    {
        var (code, stdout, stderr) = CliRunner.Run("search", "作风", "--sort", "sideways");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("relevance", line, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAGroupIsGivenNoCommand_ShouldNameItsCommands()
    {
        var (code, stdout, stderr) = CliRunner.Run("lexicon");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("error: lexicon needs one of the commands learn, top, eval", stderr.Split('\n').Select(l => l.TrimEnd()));
    }

    [Theory]
    [InlineData("error: --modes: no ranking Nope; there are Hybrid, NoTopicalOrder, WordsOnly, Vectors, Exact, BM25", "--modes", "Hybrid,Nope")]
    [InlineData("error: --modes: name at least one ranking: Hybrid, NoTopicalOrder, WordsOnly, Vectors, Exact, BM25", "--modes", ",")]
    [InlineData("error: --show: no need zz in the set", "--show", "zz")]
    [InlineData("error: --pool writes the unjudged passages of the top tens: it cannot be combined with --condensed, which leaves them out", "--condensed", "--pool", "pool.tsv")]
    [InlineData("error: --pool-depth says how deep --pool reads each ranking: give --pool too", "--pool-depth", "20")]
    [InlineData("error: --pool-depth: 9 is not between 10 and 200", "--pool", "pool.tsv", "--pool-depth", "9")]
    [InlineData("error: --pool-depth: 201 is not between 10 and 200", "--pool", "pool.tsv", "--pool-depth", "201")]
    [InlineData("error: --leave-one-out scores how the orders are learned: give --learn-order too", "--leave-one-out")]
    [InlineData("error: --best-order-of: 9 is not between 10 and 200", "--best-order-of", "9")]
    [InlineData("error: --best-order-of: 201 is not between 10 and 200", "--best-order-of", "201")]
    [InlineData("error: --best-order-of puts each ranking in the order of its grades: it cannot be combined with --condensed, --pool or --learn-order", "--best-order-of", "20", "--learn-order")]
    [InlineData("error: --best-order-of puts each ranking in the order of its grades: it cannot be combined with --condensed, --pool or --learn-order", "--best-order-of", "20", "--condensed")]
    [InlineData("error: --best-order-of puts each ranking in the order of its grades: it cannot be combined with --condensed, --pool or --learn-order", "--best-order-of", "20", "--pool", "pool.tsv")]
    [InlineData("error: --order-by orders each ranking read to a depth by a second judge's grades: give --best-order-of too", "--order-by", "second.tsv")]
    public void WhenEvalTopicalNamesWhatIsNotThere_ShouldSaySoBeforeBuildingAnIndex(string error, params string[] args)
    {
        var index = temp.Combine("no-index");

        var topical = Path.Combine(FixturePaths.Root, "Topical");
        var (code, stdout, stderr) = CliRunner.Run(["eval-topical", .. args, "--existing", "--index", index,
            "--needs", Path.Combine(topical, "needs.tsv"), "--judgments", Path.Combine(topical, "judgments.tsv")]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(error, Assert.Single(stderr.Trim().Split('\n')));
        Assert.False(Directory.Exists(index)); // refused before any index was opened
    }

    [Fact]
    public void WhenEvalTopicalShowsANeedTypedInAnotherCase_ShouldTakeItAsThatNeed()
    {
        var index = temp.Combine("no-index");

        var topical = Path.Combine(FixturePaths.Root, "Topical");
        var (code, _, stderr) = CliRunner.Run(["eval-topical", "--show", "T01", "Q02", "--existing", "--index", index,
            "--needs", Path.Combine(topical, "needs.tsv"), "--judgments", Path.Combine(topical, "judgments.tsv")]);

        // The ids are accepted (t01, q02), so the command goes on to open the index, which is not there.
        Assert.Equal(3, code);
        Assert.DoesNotContain("--show", stderr, StringComparison.Ordinal);
        Assert.Contains("No index", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEvalReadingIsGivenOneFold_ShouldRefuseIt()
    {
        var (code, stdout, stderr) = CliRunner.Run("eval-reading", "--folds", "1", "--existing", "--index", temp.Combine("no-index"));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("--folds 1 would hold every description out at once", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
