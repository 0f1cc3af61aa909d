using SpeechArchive.Analysis;

namespace SpeechArchive.Tests.Analysis;

public sealed class LexiconTests
{
    public static IEnumerable<object[]> Segmentations => TestData.Rows("Analysis/segmentation.tsv", 2);

    [Theory]
    [MemberData(nameof(Segmentations))]
    public void WhenSegmentingWithTheBaseLexicon_ShouldCutAsExpected(string text, string words)
    {
        var spans = new Segmenter(Lexicon.Base).Segment(text);

        Assert.Equal(words, string.Join(" / ", spans.Select(s => s.Text)));
        Assert.All(spans, s => Assert.Equal(text[s.Start..s.End], s.Text));
    }

    [Fact]
    public void WhenTextHasPunctuationLatinAndDigits_ShouldKeepOffsetsOnTheOriginal()
    {
        var text = "推进5G建设，加强ＡＩ治理。";
        var spans = new Segmenter(Lexicon.Base).Segment(text);

        Assert.DoesNotContain(spans, s => s.Text.Contains('，') || s.Text.Contains('。'));
        Assert.All(spans, s => Assert.Equal(TextNormalizer.Fold(text[s.Start..s.End]), s.Text));
    }

    [Fact]
    public void WhenAskedForBoundaries_ShouldAllowACutEverywhereButInsideAWord()
    {
        const string text = "落实两个确保，推进5G建设。";
        var segmenter = new Segmenter(Lexicon.Base);
        var spans = segmenter.Segment(text);

        var cuts = segmenter.Boundaries(text);

        Assert.Equal(text.Length + 1, cuts.Length);
        for (var k = 0; k <= text.Length; k++)
        {
            Assert.Equal(!spans.Any(s => s.Start < k && k < s.End), cuts[k]);
        }

        Assert.False(cuts[text.IndexOf('保', StringComparison.Ordinal)]); // 两个确|保 cuts 确保
        Assert.True(cuts[text.IndexOf('，', StringComparison.Ordinal)]);
    }

    [Fact]
    public void WhenLearningFromTheSeedSpeeches_ShouldFindTheGenresTermsTheSameWayTwice()
    {
        var texts = Directory.GetFiles(Path.Combine(FixturePaths.RepoRoot, "corpus"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        var first = WordDiscovery.Learn(texts);
        var second = WordDiscovery.Learn(texts);

        Assert.True(first.Contains("党风廉政建设"));
        Assert.True(first.Contains("全面从严治党"));
        Assert.Equal(first.Words, second.Words);
    }

    /// <summary>
    /// A string whose neighbour on one side stands beside nearly all its occurrences and makes a word with its edge begins or
    /// ends inside that word. Over the shared sets, which hold 中华人民共和国 ten thousand times, 华人民共和国 (cutting 中华),
    /// 严治党 (从严) and 类命运共同体 (人类) were learned as words; 条例 stands beside 本 in 本条例 (本条 is a word too), but not
    /// beside nearly all of its occurrences, and stays. The texts are read as <c>lexicon learn</c> reads them.
    /// </summary>
    [SkippableFact]
    public void WhenLearningFromTheSharedSets_ShouldNotLearnStringsThatBeginInsideAWord()
    {
        var texts = SpeechArchive.Cli.CommonOptions.ReadTexts([SharedCorpus.Require("reports"), SharedCorpus.Require("xi-2020"), SharedCorpus.Require("laws")]).Texts;

        var lexicon = WordDiscovery.Learn(texts);

        Assert.All(["华人民共和国", "严治党", "类命运共同体"], w => Assert.False(lexicon.Contains(w), w));
        Assert.All(["条例", "命运共同体", "从严", "人类"], w => Assert.True(lexicon.Contains(w), w));
    }

    [Fact]
    public void WhenEditsAreMalformed_ShouldNameTheFileAndLine()
    {
        var error = Assert.Throws<SpeechArchiveException>(() => LexiconEdits.Parse("八项规定\n两个维护\tmany\n", "corpus/lexicon.txt"));

        Assert.Contains("corpus/lexicon.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEditsAddAndBanWords_ShouldChangeTheSegmentation()
    {
        var edited = Lexicon.Base.With(LexiconEdits.Parse("老百姓买房难\n-防止\n", "lexicon.txt"));

        Assert.True(edited.Contains("老百姓买房难"));
        Assert.False(edited.Contains("防止"));
        Assert.Equal(["老百姓买房难"], new Segmenter(edited).Segment("老百姓买房难").Select(s => s.Text));
    }

    [Fact]
    public void WhenALexiconIsWrittenAndRead_ShouldKeepEveryWordAndFrequency()
    {
        var writer = new StringWriter();
        Lexicon.Base.Write(writer);

        var read = Lexicon.Read(new StringReader(writer.ToString()));

        Assert.Equal(Lexicon.Base.Words, read.Words);
    }
    [Fact]
    public void WhenALongWordIsMadeOfShorterWords_ShouldGiveThemAsItsComponents()
    {
        var lexicon = new Lexicon([("控制人口增长", 5), ("控制", 90), ("人口", 80), ("增长", 70), ("人口增长", 9), ("改革", 50),
            ("老年人", 40), ("老年", 30), ("老", 900), ("人", 900), ("年人", 2), ("负责人", 60), ("负责", 70), ("党风廉政", 5), ("党", 900), ("风廉政", 1)]);

        Assert.Equal(["控制", "人口", "增长"], lexicon.Components("控制人口增长"));
        Assert.Equal(["人口", "增长"], lexicon.Components("人口增长"));
        Assert.Empty(lexicon.Components("改革"));
        Assert.Empty(lexicon.Components("深化改革")); // 深化 is no word of this lexicon
        Assert.Empty(lexicon.Components("老年人")); // never a single character: 老·年人 or 老年·人 would match 人 anywhere
        Assert.Empty(lexicon.Components("负责人"));
        Assert.Empty(lexicon.Components("党风廉政")); // 党·风廉政 is the only cut into words
    }
}
