using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Cli;

/// <summary><c>eval-topical --pool FILE [--pool-depth N]</c> over the seed speeches, through the real CLI: the rows written for judging.</summary>
public sealed class PoolCommandTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>, IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenAPoolIsAskedDeeper_ShouldWriteEveryUnjudgedPassageOfTheFirstThatMany()
    {
        var ranked = Hits("干部", 20);
        Assert.True(ranked.Count == 20, "the seed speeches answer 干部 with twenty passages or more");
        var needs = Write("needs.tsv", "id\tkind\tsplit\tquery\tneed", "a1\ttopic\ttune\t干部\t讲干部的段落");
        // The first and the fifteenth judged: neither is pooled again.
        var judged = Write("judged.tsv", "id\tpassage\tgrade\tnote", $"a1\t{ranked[0]}\t2\t-", $"a1\t{ranked[14]}\t1\t-");

        var ten = Pool(needs, judged, "ten.tsv");
        var twenty = Pool(needs, judged, "twenty.tsv", "--pool-depth", "20");

        Assert.Equal(ranked.Take(10).Skip(1).Order(), ten.Order());
        Assert.Equal(ranked.Skip(1).Where((_, i) => i != 13).Order(), twenty.Order());
    }

    public void Dispose() => temp.Dispose();

    /// <summary>The passages <c>--pool</c> writes for the one need, by the main search alone.</summary>
    private List<string> Pool(string needs, string judged, string name, params string[] more)
    {
        var path = temp.Combine(name);
        var (code, _, stderr) = CliRunner.Run(["eval-topical", "--existing", "--index", seeds.IndexDirectory, "--needs", needs, "--judgments", judged,
            "--modes", "Hybrid", "--pool", path, .. more]);

        Assert.True(code == 0, stderr);
        var rows = File.ReadAllLines(path);
        Assert.Equal("id\tquery\tneed\tpassage\ttext", rows[0]);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("a1\t干部\t讲干部的段落\t", r, StringComparison.Ordinal));
        return [.. rows.Skip(1).Select(r => r.Split('\t')[3])];
    }

    /// <summary>The passages the evaluation reads for a query: the main search's first <paramref name="depth"/>, reprints folded.</summary>
    private List<string> Hits(string query, int depth) =>
        [.. seeds.Searcher.Search(new SearchRequest { Query = query, Limit = depth, SnippetLength = 40, FoldReprints = true }).Hits.Select(h => h.PassageId)];

    private string Write(string name, params string[] lines) => temp.Write(name, string.Join('\n', lines) + "\n");
}
