using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Cli;

/// <summary><c>eval-topical --best-order-of N --order-by FILE</c> over the seed speeches, through the real CLI: a second judge's grades order, the first's score.</summary>
public sealed class SecondJudgeCommandTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>, IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenASecondJudgeDisagrees_ShouldOrderByItsGradesScoreByTheFirstAndSaySo()
    {
        var ranked = Hits("全面从严治党");
        var other = Hits("巡察整改");
        Assert.True(ranked.Count >= 3, "the seed speeches answer 全面从严治党");
        var needs = Write("needs.tsv", "id\tkind\tsplit\tquery\tneed", "a1\ttopic\ttest\t全面从严治党\t相关", "b1\ttopic\ttune\t巡察整改\t相关");
        // The first judge: the first hit squarely about it, the third not; the second judge the other way round, and b1 not at all.
        var first = Write("first.tsv", "id\tpassage\tgrade\tnote", $"a1\t{ranked[0]}\t2\t-", $"a1\t{ranked[2]}\t0\t-");
        var second = Write("second.tsv", "id\tpassage\tgrade\tnote", $"a1\t{ranked[0]}\t0\t-", $"a1\t{ranked[2]}\t2\t-");

        var (code, stdout, stderr) = CliRunner.Run("eval-topical", "--existing", "--index", seeds.IndexDirectory, "--needs", needs, "--judgments", first,
            "--modes", "Hybrid", "--best-order-of", "10", "--order-by", second);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        // The third hit first (the second judge's 2, the first's 0), the first hit second: 3 / log2(3) of the ideal 3.
        Assert.Contains(lines, l => l.Contains("│ test  │ topic", StringComparison.Ordinal) && l.Contains($"│ {1 / Math.Log2(3):0.000} /", StringComparison.Ordinal));
        Assert.Contains($"Never graded by the second judge, so ordered as 0: Hybrid {ranked.Count - 2 + other.Count} of the {ranked.Count + other.Count} read.", lines);
        Assert.Contains("The second judge graded nothing for 1 needs, which keep their order as ranked: b1.", lines);
        Assert.Contains("The judges agree on the 2 rows both graded: the same grade for 0.000, Cohen's κ (linear weights) -1.000.", lines);
    }

    [Fact]
    public void WhenTheSecondJudgmentsAreMissingOrGradeNoNeed_ShouldSayWhichFileBeforeReadingAnIndex()
    {
        var needs = Write("needs.tsv", "id\tkind\tsplit\tquery\tneed", "a1\ttopic\ttest\t全面从严治党\t相关");
        var first = Write("first.tsv", "id\tpassage\tgrade\tnote");
        var elsewhere = Write("elsewhere.tsv", "id\tpassage\tgrade\tnote", "zz\tx:1\t2\t-");
        var missing = temp.Combine("missing.tsv");
        var index = temp.Combine("no-index");

        foreach (var (file, error) in new[] { (missing, $"error: --order-by: no such file {missing}"), (elsewhere, $"error: --order-by: {elsewhere} grades none of the needs of {needs}") })
        {
            var (code, stdout, stderr) = CliRunner.Run("eval-topical", "--existing", "--index", index, "--needs", needs, "--judgments", first,
                "--best-order-of", "10", "--order-by", file);

            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal(error, Assert.Single(stderr.Trim().Split('\n')));
        }

        Assert.False(Directory.Exists(index));
    }

    public void Dispose() => temp.Dispose();

    /// <summary>The passages the evaluation reads for a query: the main search's first ten, reprints folded.</summary>
    private List<string> Hits(string query) =>
        [.. seeds.Searcher.Search(new SearchRequest { Query = query, Limit = 10, SnippetLength = 40, FoldReprints = true }).Hits.Select(h => h.PassageId)];

    private string Write(string name, params string[] lines)
    {
        var path = temp.Combine(name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
