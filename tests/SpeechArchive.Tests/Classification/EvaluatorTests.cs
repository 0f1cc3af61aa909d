using System.Text;
using SpeechArchive.Classification;
using SpeechArchive.Classification.Evaluation;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Classification;

public sealed class EvaluatorTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("speecharchive-eval-");

    public void Dispose() => temp.Delete(recursive: true);

    /// <summary>The acceptance test of the issue: the default taxonomy on the hand-labelled gold set.</summary>
    [SkippableFact]
    public void WhenTheGoldSetIsPresent_ShouldReachTheAcceptanceThresholds()
    {
        var gold = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gold");
        Skip.IfNot(File.Exists(Path.Combine(gold, "sentences.tsv")), $"the gold set is not at {gold}");
        var seeds = SharedCorpus.Require("seeds");

        var report = Evaluator.Evaluate(GoldSet.Load(gold), Taxonomy.Default, Path.GetDirectoryName(seeds)!);
        output.WriteLine(report.ToText());

        Assert.True(report.SentenceCount >= 400, $"only {report.SentenceCount} gold sentences aligned");
        Assert.True(report.DirectiveAccuracy >= 0.90, $"directive accuracy {report.DirectiveAccuracy:0.000} < 0.90");
        Assert.True(report.ThemeMicroF1 >= 0.85, $"theme micro-F1 {report.ThemeMicroF1:0.000} < 0.85");
    }

    /// <summary>
    /// The held-out gold set (seven parts labelled blind to the classifier, docs/classification.md): every row aligns, and
    /// the default taxonomy stays above floors set a little under what it measures (parts 1, 3, 4 and 6 were tuned on; parts 2,
    /// 5 and 7 never were). A floor, not a goal: it catches a taxonomy change that loses these texts.
    /// </summary>
    [SkippableTheory]
    [InlineData("part1", 200, 0.82)]
    [InlineData("part2", 180, 0.70)]
    [InlineData("part3", 180, 0.77)]
    [InlineData("part4", 160, 0.82)]
    [InlineData("part5", 200, 0.79)]
    [InlineData("part6", 220, 0.81)]
    [InlineData("part7", 200, 0.76)]
    public void WhenTheHeldOutGoldIsPresent_ShouldAlignEveryRowAndStayAboveItsFloor(string part, int sentences, double floor)
    {
        var gold = Path.Combine(AppContext.BaseDirectory, "Fixtures", "GoldHeldout", part);
        Skip.IfNot(File.Exists(Path.Combine(gold, "sentences.tsv")), $"the held-out gold set is not at {gold}");
        var seeds = SharedCorpus.Require("seeds");

        var report = Evaluator.Evaluate(GoldSet.Load(gold), Taxonomy.Default, Path.GetDirectoryName(seeds)!);
        output.WriteLine(report.ToText());

        Assert.Empty(report.Unmatched);
        Assert.True(report.SentenceCount >= sentences, $"only {report.SentenceCount} held-out sentences aligned");
        Assert.True(report.DirectiveAccuracy >= floor, $"directive accuracy {report.DirectiveAccuracy:0.000} < {floor:0.00}");
    }

    [Fact]
    public void WhenEvaluatingATinyCorpus_ShouldCountAgreementConfusionAndThemes()
    {
        Write("set/speech.txt", "全体党员干部严禁收受礼品。要加强廉政教育，深化警示教育，坚决惩治腐败。\n谢谢大家！\n");
        Write("gold/sentences.tsv", "source\ttext\tdirectiveType\tnote\nset/speech.txt\t全体党员干部严禁收受礼品。\tprohibition\t\nset/speech.txt\t谢谢大家！\texhortation\twrong on purpose\n");
        Write("gold/passages.tsv", "source\tstart\tthemes\tnote\nset/speech.txt\t全体党员干部严禁收受礼品。要加强廉政教育\tintegrity\t\n");

        var report = Evaluator.Evaluate(GoldSet.Load(Dir("gold")), Taxonomy.Default, temp.FullName);

        Assert.Equal((2, 1), (report.SentenceCount, report.CorrectSentences));
        Assert.Equal(0.5, report.DirectiveAccuracy);
        var exhortation = report.ConfusionLabels.ToList().IndexOf("exhortation");
        var procedural = report.ConfusionLabels.ToList().IndexOf("procedural");
        Assert.Equal(1, report.Confusion[exhortation][procedural]);
        var miss = Assert.Single(report.Misses, m => m.Kind == "sentence");
        Assert.Equal(("exhortation", "procedural"), (miss.Gold, miss.Predicted));
        Assert.NotEmpty(miss.Reasons);
        Assert.Equal(1.0, report.ThemeScores.Single(s => s.Label == "integrity").Recall);
        Assert.Contains("Directive types: accuracy 0.500", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAGoldRowCannotBeAligned_ShouldListItAsUnmatchedWithTheReason()
    {
        Write("set/speech.txt", "要加强学习。\n");
        Write("gold/sentences.tsv", "source\ttext\tdirectiveType\tnote\nset/speech.txt\t这句话不在文中。\trequirement\t\nset/missing.txt\t要加强学习。\trequirement\t\nset/speech.txt\t要加强学习。\tordering\t\n");
        Write("gold/passages.tsv", "source\tstart\tthemes\tnote\nset/speech.txt\t这段不在文中\tnone\t\n");

        var report = Evaluator.Evaluate(GoldSet.Load(Dir("gold")), Taxonomy.Default, temp.FullName);

        Assert.Equal(0, report.SentenceCount);
        Assert.Equal(
            ["text not found in the source file", "source file not found under the corpus root", "unknown directive type 'ordering'", "start not found in the source file"],
            report.Unmatched.Select(u => u.Reason));
        Assert.Equal(2, report.Unmatched[0].Line);
    }

    [Fact]
    public void WhenTheHeaderIsWrong_ShouldThrowNamingTheFileAndLine()
    {
        Write("gold/sentences.tsv", "text\tsource\tdirectiveType\tnote\n");
        Write("gold/passages.tsv", "source\tstart\tthemes\tnote\n");

        var error = Assert.Throws<SpeechArchiveException>(() => GoldSet.Load(Dir("gold")));

        Assert.Contains("sentences.tsv, line 1", error.Message, StringComparison.Ordinal);
    }

    private string Dir(string name) => Path.Combine(temp.FullName, name);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(temp.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }
}
