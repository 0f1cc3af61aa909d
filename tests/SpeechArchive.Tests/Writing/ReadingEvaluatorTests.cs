using SpeechArchive.Search;
using SpeechArchive.Tests.Cli;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary><c>eval-reading</c>: how free text is read against the formulations, on labelled queries and on held-out descriptions.</summary>
public sealed class ReadingEvaluatorTests : IDisposable
{
    private readonly TempFolder temp = new();

    private const string Yaml = "formulations:\n  财政赤字: [政府花的比收的多, 国家入不敷出]\n  退耕还林: [山坡上不种庄稼改种树, 把耕地还给树林]\n  文山会海: [开会太多文件太多]\n";

    // Passages of speeches are long: among short ones, as articles of law are, a formulation's passages are not searched
    // (Ranker.ShortPassages).
    private const string Sentence = "各级政府要认真贯彻落实党中央、国务院的决策部署，坚持稳中求进工作总基调，统筹发展和安全，扎实做好各项工作，"
        + "努力完成全年经济社会发展目标任务，以实际行动和优异成绩回报人民群众的信任和期待，推动各项事业不断取得新的进展。";

    private const string Filler = Sentence + Sentence;

    private IndexSnapshot Index() => TinyCorpus.Index(temp,
        ("a.md", "2010-03-01", "甲", "国家今年财政赤字有所扩大，花钱要精打细算，要控制财政赤字规模。" + Filler),
        ("b.md", "2011-03-01", "乙", "坚持退耕还林，山坡上种树种草，山区生态明显改善。" + Filler),
        ("c.md", "2012-03-01", "丙", "要精简会议和文件，坚决整治文山会海，开会要少而精。" + Filler),
        ("d.md", "2013-03-01", "丁", "今年粮食生产再获丰收，农民收入持续增长。" + Filler));

    [Fact]
    public void WhenLabelledQueriesAreRead_ShouldCountTheRightTheWrongAndTheSilent()
    {
        var searcher = new Searcher(Index(), new QueryUnderstanding(Thesaurus.Parse(Yaml, "test")));
        ReadingGold[] gold =
        [
            new("a", "paraphrase", "test", "国家花的钱比收进来的多", ["财政赤字"]),
            new("b", "paraphrase", "test", "山坡上的地不种庄稼改种树", ["文山会海"]), // labelled wrong on purpose: read 退耕还林
            new("c", "paraphrase", "test", "粮食生产丰收农民收入", []),
        ];

        var report = ReadingEvaluator.Gold(searcher, gold);

        var score = Assert.Single(report.Scores);
        Assert.Equal(("test/paraphrase", 3, 2), (score.Group, score.Queries, score.Described));
        Assert.Equal(1, score.FirstRight);
        Assert.Equal(1, score.Wrong); // 退耕还林 read where 文山会海 was expected
        Assert.Equal(0, score.FalseFire);
        Assert.Equal(["退耕还林"], report.Results[1].Read);
    }

    [Fact]
    public void WhenDescriptionsAreHeldOut_ShouldReadEachAgainstTheOthersOnly()
    {
        var index = Index();
        var thesaurus = Thesaurus.Parse(Yaml, "test");
        var seen = new List<Thesaurus>();

        var report = ReadingEvaluator.HeldOutDescriptions(thesaurus, 2, t =>
        {
            seen.Add(t);
            return new Searcher(index, new QueryUnderstanding(t));
        });

        // Every description is read once, against a thesaurus without it.
        Assert.Equal(5, report.Results.Count);
        Assert.Equal(2, seen.Count);
        foreach (var result in report.Results)
        {
            var without = seen.Where(t => !t.Formulations.SelectMany(f => f.Descriptions).Contains(result.Query)).ToList();
            Assert.Single(without);
            Assert.Equal([result.Id], result.Expected);
        }

        Assert.Equal(5, Assert.Single(report.Scores).Described);
    }

    [Fact]
    public void WhenTheCommittedLabelsAreRead_ShouldNameOnlyTheBuiltInFormulations()
    {
        var gold = ReadingEvaluator.LoadGold(Path.Combine(FixturePaths.Root, "Topical", "reading-gold.tsv"));
        var known = Thesaurus.Default.Formulations.Select(f => f.Formulation).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(162, gold.Count); // the questions and paraphrases of the four topical sets
        Assert.All(gold.SelectMany(g => g.Formulations), f => Assert.Contains(f, known));
    }

    [Fact]
    public void WhenTheLabelsAreMissingOrShort_ShouldSayWhichFileAndLine()
    {
        var missing = Assert.Throws<SpeechArchiveException>(() => ReadingEvaluator.LoadGold(temp.Combine("nope.tsv")));
        Assert.Contains("nope.tsv", missing.Message, StringComparison.Ordinal);

        var path = temp.Combine("short.tsv");
        File.WriteAllText(path, "id\tkind\tsplit\tquery\tformulations\na\tparaphrase\ttest\t国家花的钱比收进来的多\n");
        var shortLine = Assert.Throws<SpeechArchiveException>(() => ReadingEvaluator.LoadGold(path));
        Assert.Contains("short.tsv:2", shortLine.Message, StringComparison.Ordinal);

        var (code, stdout, stderr) = CliRunner.Run("eval-reading", "--gold", path, "--existing", "--index", temp.Combine("no-index"));
        Assert.Equal(3, code); // CliErrors.Error: the input is wrong, not the usage
        Assert.Equal("", stdout);
        Assert.Contains("short.tsv:2", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
