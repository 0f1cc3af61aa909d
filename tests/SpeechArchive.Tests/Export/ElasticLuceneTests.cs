using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SpeechArchive.Analysis;
using SpeechArchive.Export;

namespace SpeechArchive.Tests.Export;

/// <summary>
/// The exported analysis run for real: the template's settings fed to the Lucene classes Elasticsearch's filters wrap
/// (Fixtures/Export/LuceneAnalysis.java), on every passage of the exported fixture, against the engine's analyzer.
/// Needs a JDK and Lucene's analyzers (Debian: <c>apt-get install liblucene8-java</c>, which .ci/run installs); skipped with
/// that reason without, except in CI.
/// </summary>
public sealed class ElasticLuceneTests(ExportFixture export) : IClassFixture<ExportFixture>
{
    private const string Unavailable = "needs `java` and Lucene's analyzers in /usr/share/java (Debian: apt-get install liblucene8-java)";

    [SkippableFact]
    public void WhenLuceneRunsTheTemplatesBigramAnalyzer_ShouldGiveTheEnginesHanTermsAtTheEnginesStarts()
    {
        var texts = Enumerable.Range(0, export.Snapshot.Passages.Count).Select(export.Snapshot.PassageText).ToList();

        var lucene = Run("bigrams", texts);

        Assert.Equal(texts.Count, lucene.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var engine = ChineseAnalyzer.Analyze(texts[i]).Where(t => t.Type != TokenType.Word).Select(t => $"{t.Term}@{t.Start}").ToList();
            var han = lucene[i].Where(t => Lexicon.IsWord(t.Term)).Select(t => $"{t.Term}@{t.Start}").ToList();
            Assert.Equal(engine, han);
        }
    }

    [SkippableFact]
    public void WhenLuceneRunsTheTemplatesWordAnalyzer_ShouldFindTheListedWordsOnly()
    {
        var terms = Run("words", ["要坚持全面从严治党，加强作风建设。"]).Single().Select(t => t.Term).ToList();

        Assert.Contains("作风建设", terms);
        Assert.Contains("全面从严治党", terms);
        Assert.DoesNotContain("要坚持全面从严治党", terms);
        Assert.Subset(File.ReadAllLines(Path.Combine(Settings(), "words.txt")).ToHashSet(), terms.ToHashSet());
    }

    private List<List<(string Term, int Start, int End)>> Run(string analyzer, IReadOnlyList<string> texts)
    {
        var jars = Directory.Exists("/usr/share/java")
            ? Directory.GetFiles("/usr/share/java", "lucene-*.jar").Where(j => Path.GetFileName(j) is var n && (n.StartsWith("lucene-core-", StringComparison.Ordinal) || n.StartsWith("lucene-analyzers-common-", StringComparison.Ordinal) || n.StartsWith("lucene-analysis-common-", StringComparison.Ordinal))).ToList()
            : [];
        if (jars.Count < 2 || ExternalTools.FindOnPath("java") is null)
        {
            Assert.False(ExternalTools.InCi, "The Lucene check must run in CI (.ci/run installs it): " + Unavailable);
            Skip.If(true, Unavailable);
        }

        var info = new ProcessStartInfo("java")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-cp", string.Join(':', jars), Path.Combine(FixturePaths.Root, "Export", "LuceneAnalysis.java"), Settings(), analyzer })
        {
            info.ArgumentList.Add(arg);
        }

        using var java = Process.Start(info)!;
        var output = java.StandardOutput.ReadToEndAsync();
        var errors = java.StandardError.ReadToEndAsync();
        foreach (var text in texts)
        {
            java.StandardInput.WriteLine(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal));
        }

        java.StandardInput.Close();
        Assert.True(java.WaitForExit(TimeSpan.FromMinutes(2)), "java did not finish");
        Assert.True(java.ExitCode == 0, errors.Result);
        return [.. output.Result.Split('\n').SkipLast(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Term).ToList())];
    }

    /// <summary>The template's analysis settings as the files LuceneAnalysis.java reads, written once beside the export.</summary>
    private string Settings()
    {
        var folder = Path.Combine(export.OutputDirectory, "..", "lucene-settings");
        if (Directory.Exists(folder))
        {
            return folder;
        }

        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "index-template.json")));
        var analysis = template.RootElement.GetProperty("template").GetProperty("settings").GetProperty("analysis");
        var filters = analysis.GetProperty("filter");
        var staging = folder + ".part";
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "bridge.txt"), analysis.GetProperty("char_filter").GetProperty("speecharchive_bridge").GetProperty("pattern").GetString());
        File.WriteAllText(Path.Combine(staging, "runs.txt"), analysis.GetProperty("tokenizer").GetProperty("speecharchive_han_runs").GetProperty("pattern").GetString());
        File.WriteAllLines(Path.Combine(staging, "masks.txt"), filters.GetProperty("speecharchive_masks").GetProperty("stopwords").EnumerateArray().Select(w => w.GetString()!));
        File.WriteAllLines(Path.Combine(staging, "words.txt"), filters.GetProperty("speecharchive_lexicon").GetProperty("word_list").EnumerateArray().Select(w => w.GetString()!));
        Directory.Move(staging, folder);
        return folder;
    }

    private static (string Term, int Start, int End) Term(string token)
    {
        var at = token.LastIndexOf('@');
        var span = token[(at + 1)..].Split('-');
        return (token[..at], int.Parse(span[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(span[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
