using System.Text.Json;

namespace SpeechArchive.Tests.Cli;

public sealed class WritingCommandsTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string index;

    public WritingCommandsTests()
    {
        index = temp.Combine("index");
        var (code, _, stderr) = CliRunner.Run("index", "--corpus", Path.Combine(FixturePaths.RepoRoot, "corpus"), "--index", index);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void WhenListingAConcordance_ShouldPrintEveryOccurrenceAsJsonOrCsv()
    {
        var json = Run("concordance", "全面从严治党", "--json", "--limit", "0");
        using var doc = JsonDocument.Parse(json);
        var total = doc.RootElement.GetProperty("total").GetInt32();
        var lines = doc.RootElement.GetProperty("lines");

        Assert.True(total > 50, $"total {total}");
        Assert.Equal(total, lines.GetArrayLength());
        Assert.All(lines.EnumerateArray(), l => Assert.Equal("全面从严治党", l.GetProperty("hit").GetString()));

        var csv = Run("concordance", "全面从严治党", "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("date,left,hit,right,title", csv[0], StringComparison.Ordinal);
        Assert.Equal(total + 1, csv.Length);

        var plain = Run("concordance", "全面从严治党", "--sort", "right", "--limit", "3");
        Assert.Contains("«全面从严治党»", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenSortingByDate_ShouldTakeTheExplicitWordsAndReadDateAsEachCommandsOwnOrder()
    {
        string Lines(params string[] args) => JsonDocument.Parse(Run(args)).RootElement.GetProperty("lines").GetRawText();
        string Hits(params string[] args) => string.Join(' ', JsonDocument.Parse(Run(args)).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("passageId").GetString()));

        Assert.Equal(Lines("concordance", "全面从严治党", "--json", "--sort", "date"), Lines("concordance", "全面从严治党", "--json", "--sort", "date-asc"));
        Assert.Equal(Lines("concordance", "全面从严治党", "--json"), Lines("concordance", "全面从严治党", "--json", "--sort", "date-asc"));
        Assert.Equal(Hits("search", "作风", "--json", "--limit", "20", "--sort", "date"), Hits("search", "作风", "--json", "--limit", "20", "--sort", "date-desc"));
        Assert.NotEmpty(Hits("search", "作风", "--json", "--limit", "20", "--sort", "date-asc")); // the project's speeches share one year: no order to compare
    }

    [Fact]
    public void WhenCompletingWhatIsTyped_ShouldPrintTheCompletionsAsTheApiGivesThem()
    {
        using var doc = JsonDocument.Parse(Run("complete", "作风", "全面从严", "--json", "--limit", "4"));
        var completions = doc.RootElement.GetProperty("completions").EnumerateArray().ToList();

        Assert.Equal("全面从严", doc.RootElement.GetProperty("typed").GetString());
        Assert.InRange(completions.Count, 2, 4);
        Assert.Equal("作风 全面从严治党", completions[0].GetProperty("query").GetString());
        var plain = Run("complete", "全面从严");
        Assert.Contains("全面从严治党永远在路上", plain, StringComparison.Ordinal);
        Assert.Contains("clause", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenFindingVariants_ShouldListTheSeedsWording()
    {
        using var doc = JsonDocument.Parse(Run("variants", "全面从严治党永远在路上", "--json"));

        var texts = doc.RootElement.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("text").GetString()).ToList();
        Assert.Equal("全面从严治党永远在路上", texts[0]);
        Assert.Contains("全面从严治党一直在路上", texts);
        var plain = Run("variants", "全面从严治党永远在路上");
        Assert.Contains("全面从严治党一直在路上", plain, StringComparison.Ordinal);
        Assert.Matches(@"occurrences\s*│\s*passages\s*│\s*speeches", plain); // uses and the passages they are in, as the page says them
        var exact = doc.RootElement.GetProperty("variants")[0];
        Assert.InRange(exact.GetProperty("passages").GetInt32(), exact.GetProperty("speeches").GetInt32(), exact.GetProperty("count").GetInt32());
    }

    [Fact]
    public void WhenNoVariantIsAsNearAsAsked_ShouldSayHowManyALooserSimilarityFinds()
    {
        // 全面从严治党一直在路上 is in the seeds; 全面从严治党总是在路边上 (two characters changed, two added) is near it only loosely.
        var strict = Run("variants", "全面从严治党总是在路边上");
        var loose = JsonDocument.Parse(Run("variants", "全面从严治党总是在路边上", "--min-similarity", "0.5", "--json"));

        var found = loose.RootElement.GetProperty("variants").GetArrayLength();
        Assert.True(found > 0);
        Assert.Contains($"at 0.50, {found} wording", strict, StringComparison.Ordinal);
        Assert.Contains("--min-similarity 0.5", strict, StringComparison.Ordinal);
        Assert.DoesNotContain("No wording at similarity", Run("variants", "全面从严治党永远在路上"), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenCheckingADraftFromStandardInput_ShouldPrintEachSentenceWithItsPrecedents()
    {
        var (code, stdout, stderr) = CliRunner.RunWithInput("要严肃考核问责，加大考核力度，以刚性问责推进党内政治生活的制度化、规范化。", "draft-check", "-", "--json", "--index", index);

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var sentence = Assert.Single(doc.RootElement.GetProperty("sentences").EnumerateArray().ToList());
        var precedent = sentence.GetProperty("precedents")[0];
        Assert.Contains("以刚性问责推动党内政治生活", precedent.GetProperty("matched").GetString(), StringComparison.Ordinal);
        Assert.True(sentence.GetProperty("runs").GetArrayLength() > 0);
    }

    [Fact]
    public void WhenCheckingAMarkdownDraftInGb18030_ShouldReadItAsTheIndexerDoesAndLeaveOutItsFrontMatter()
    {
        var draft = temp.Combine("draft.md");
        var gb18030 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        File.WriteAllBytes(draft, gb18030.GetBytes("---\ntitle: 在全区干部大会上的讲话\n---\n\n# 一、严肃问责\n\n要严肃考核问责，加大考核力度，以**刚性问责**推进党内政治生活的制度化、规范化。\n"));

        var (code, stdout, stderr) = CliRunner.Run("draft-check", draft, "--json", "--index", index);

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var texts = doc.RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("title", StringComparison.Ordinal) || t.Contains("---", StringComparison.Ordinal) || t.Contains("**", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("以刚性问责推进党内政治生活的制度化", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheDraftIsNoText_ShouldRefuseItNamingTheFileAndWhy()
    {
        var draft = temp.Combine("draft.txt");
        File.WriteAllBytes(draft, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0, 0xFF, 0xFE, 0, 0]);

        var (code, stdout, stderr) = CliRunner.Run("draft-check", draft, "--index", index);

        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {draft}: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenSearchingAHalfRememberedClause_ShouldPrintNearMatchesAfterTheStrictOnes()
    {
        using var exact = JsonDocument.Parse(Run("search", "以刚性问责推党内治生活的制度化", "--json", "--exact"));
        using var free = JsonDocument.Parse(Run("search", "以刚性问责推党内治生活的制度化", "--json"));

        Assert.Equal(0, exact.RootElement.GetProperty("total").GetInt32());
        Assert.True(free.RootElement.GetProperty("total").GetInt32() > 0, "free text counts the passages holding the words");
        foreach (var (doc, match) in new[] { (exact, "near"), (free, "aligned") }) // free text counts it for its words
        {
            var first = doc.RootElement.GetProperty("hits")[0];
            Assert.Equal(match, first.GetProperty("match").GetString());
            Assert.Contains("以刚性问责推动党内政治生活的制度化", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WhenAThesaurusFileIsGiven_ShouldWidenWithIt()
    {
        var file = temp.Combine("thesaurus.yaml");
        File.WriteAllText(file, "expand:\n  廉洁: [清正]\n");

        using var doc = JsonDocument.Parse(Run("search", "廉洁", "--json", "--thesaurus", file));

        var expansion = Assert.Single(doc.RootElement.GetProperty("expansions").EnumerateArray().ToList());
        Assert.Equal("清正", expansion.GetProperty("alternatives")[0].GetString());
    }

    [Fact]
    public void WhenEvaluatingARecallSet_ShouldPrintMrrAndRecallPerKind()
    {
        var set = temp.Combine("set.tsv");
        File.WriteAllText(set, "query\tsource\ttarget\tkind\n"
            + "以刚性问责推党内治生活的制度化\tcorpus/2022-ju-dangfeng-lianzheng-huiyi.md\t以刚性问责推动党内政治生活的制度化\tdropped\n"
            + "刻保持政治清醒引导党员干部时\tcorpus/2022-qu-congyan-zhidang-zhuanti.md\t引导党员干部时刻保持政治清醒\tswapped\n");

        var table = Run("recall-eval", "--queries", set);
        using var doc = JsonDocument.Parse(Run("recall-eval", "--queries", set, "--json"));

        Assert.Contains("MRR@10", table, StringComparison.Ordinal);
        Assert.Contains("swapped", table, StringComparison.Ordinal);
        Assert.Equal(1.0, doc.RootElement.GetProperty("overall").GetProperty("mrr").GetDouble());
        Assert.Equal(2, doc.RootElement.GetProperty("perKind").GetArrayLength());
        Assert.Equal(2, doc.RootElement.GetProperty("warmUp").GetInt32()); // at most the set's size
        Assert.Equal(2, doc.RootElement.GetProperty("slowest").GetArrayLength());
        Assert.Contains("slowest: ", table, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenChartingTrends_ShouldPrintCsvWithARatePerPhrase()
    {
        var csv = Run("trends", "作风建设", "全面从严治党", "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("year,characters,作风建设,作风建设 per 10k,全面从严治党,全面从严治党 per 10k", csv[0]);
        Assert.StartsWith("2022,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public void WhenChartingThemes_ShouldPrintATableUnlessCsvIsAskedAndRefuseAPhrase()
    {
        var table = Run("trends", "--themes");
        var csv = Run("trends", "--themes", "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var (code, _, stderr) = CliRunner.Run("trends", "--themes", "作风建设", "--index", index);

        Assert.DoesNotContain("year,passages", table, StringComparison.Ordinal);
        Assert.Contains("2022", table, StringComparison.Ordinal);
        Assert.StartsWith("year,passages,", csv[0], StringComparison.Ordinal);
        Assert.Equal(2, code); // a usage error, not silently the themes
        Assert.Contains("作风建设", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAskingForSimilarPassagesOfAnUnknownId_ShouldFailWithOneLine()
    {
        var (code, _, stderr) = CliRunner.Run("similar", "nowhere:1", "--index", index);

        Assert.NotEqual(0, code);
        Assert.Contains("nowhere:1", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private string Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--index", index]);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    public void Dispose() => temp.Dispose();
}
