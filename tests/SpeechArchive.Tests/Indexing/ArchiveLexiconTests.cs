using SpeechArchive.Analysis;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Indexing;

public sealed class ArchiveLexiconTests
{
    [Fact]
    public void WhenTheCorpusHasLexiconEdits_ShouldApplyThemAndNotIndexTheFileAsASpeech()
    {
        using var temp = new TempFolder();
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(FixturePaths.RepoRoot, "corpus"), "*.md"))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(corpus, "lexicon.txt"), "# 本单位用语\n党风廉政建设专题会议\n-防止\n");
        var index = temp.Combine("index");

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        var snapshot = IndexSnapshot.Load(index);

        Assert.Empty(run.Failed);
        Assert.DoesNotContain(snapshot.Speeches, s => s.FileKey.Contains("lexicon", StringComparison.Ordinal));
        Assert.True(snapshot.Lexicon.Contains("党风廉政建设专题会议"));
        Assert.False(snapshot.Lexicon.Contains("防止"));

        File.WriteAllText(Path.Combine(corpus, "lexicon.txt"), "两个维护\tmany\n");
        var broken = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });

        Assert.Contains(broken.Failed, f => f.Reason.Contains("line 1", StringComparison.Ordinal));
        Assert.True(IndexSnapshot.Load(index).Lexicon.Contains("党风廉政建设专题会议"), "the previous edits stay in force");
    }

    [Fact]
    public void WhenALearnedWordCutsAcrossTheBaseLexiconsWords_ShouldBeLeftOut()
    {
        Assert.True(Lexicon.Base.Contains("违规") && Lexicon.Base.Contains("违纪"));
        Assert.False(Lexicon.Base.Contains("违规违") || Lexicon.Base.Contains("管党治党"));
        var learned = new Lexicon([("违规违", 40), ("管党治党", 40), ("违规", 40)]);
        string[] texts = ["严肃查处违规违纪问题。", "对违规违纪行为零容忍。", "压实管党治党政治责任。", "管党治党永远在路上。"];

        var kept = ArchiveLexicon.AlignedWithBase(learned, texts);

        Assert.False(kept.Contains("违规违")); // 违规 | 违纪: its end falls inside 违纪 both times
        Assert.True(kept.Contains("管党治党")); // 管党 | 治党: whole both times
        Assert.True(kept.Contains("违规")); // a base word is not questioned
    }

    [Fact]
    public void WhenATinyArchiveIsIndexed_ItsCharactersShouldNotOutweighTheBaseLexiconsWords()
    {
        // Scaled to the base lexicon's size, a character seen once in 300 (慰, 问) would outweigh a word the base lexicon holds
        // (慰问, 党建) and cut it wherever they meet; a character keeps the base lexicon's frequency.
        using var temp = new TempFolder();
        string[] texts =
        [
            "以党和政府名义慰问困难群众。", "以党建促进工作，问需于民。", "节日期间走访慰问老党员。", "以党性原则处理问题。",
            "要推动经济发展。", "经济运行总体平稳。", "扩大国内需求。", "促进就业增收。", "稳定经济增长。", "保障改善民生。",
        ];
        var index = TinyCorpus.Index(temp, [.. texts.Select((text, i) => ($"s{i}.md", $"20{10 + i}-01-01", $"讲话{i}", text + "各项工作稳步推进。"))]);
        Assert.True(Lexicon.Base.Contains("慰问") && Lexicon.Base.Contains("党建"));

        var words = new Segmenter(index.Lexicon).Segment("以党和政府名义慰问，以党建促进工作").Select(s => s.Text).ToList();

        Assert.Contains("慰问", words);
        Assert.Contains("党建", words);
        Assert.Equal(Lexicon.Base.Frequency("问"), index.Lexicon.Frequency("问"));
    }

    [Fact]
    public void WhenTheSeedSpeechesAreIndexed_TheirLearnedWordsShouldNotCutTheBaseLexiconsWordsApart()
    {
        using var temp = new TempFolder();
        var index = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = Path.Combine(FixturePaths.RepoRoot, "corpus"), IndexDirectory = index });
        var segmenter = new Segmenter(IndexSnapshot.Load(index).Lexicon);

        // Five speeches hold 违规违纪 and 特殊困难群体 a few times: learned from them, 违规违 and 特殊困 cut 违纪 and 困难 apart.
        Assert.Equal(["违规", "违纪", "问题"], segmenter.Segment("严肃查处违规违纪问题").Select(w => w.Text).SkipWhile(w => w != "违规"));
        Assert.Contains("特殊困难", segmenter.Segment("关心特殊困难群体").Select(w => w.Text));
    }
}
