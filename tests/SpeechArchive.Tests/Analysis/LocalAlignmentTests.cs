using SpeechArchive.Analysis;

namespace SpeechArchive.Tests.Analysis;

public sealed class LocalAlignmentTests
{
    public static IEnumerable<object[]> Cases => TestData.Rows("Analysis/alignments.tsv", 4);

    public static IEnumerable<object[]> CutCases => TestData.Rows("Analysis/alignments-at-cuts.tsv", 4);

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenAligningAPatternInText_ShouldCoverTheExpectedText(string pattern, string text, string aligned, string rotated)
    {
        var a = LocalAlignment.AlignRotations(pattern, text);

        Assert.Equal(aligned, text[a.TextStart..a.TextEnd]);
        Assert.Equal(bool.Parse(rotated), a.Rotated);
    }

    [Theory]
    [MemberData(nameof(CutCases))]
    public void WhenHeldToWordBoundaries_ShouldStartAndEndOnThemUnlessAtThePatternsOwnEnds(string pattern, string words, string aligned, string free)
    {
        var text = words.Replace("/", "", StringComparison.Ordinal);
        var cuts = new bool[text.Length + 1];
        cuts[0] = cuts[^1] = true;
        var at = 0;
        foreach (var word in words.Split('/'))
        {
            at += word.Length;
            cuts[at] = true;
        }

        var held = LocalAlignment.AlignRotations(pattern, text, cuts);
        var loose = LocalAlignment.AlignRotations(pattern, text);

        Assert.Equal(aligned, text[held.TextStart..held.TextEnd]);
        Assert.Equal(free, text[loose.TextStart..loose.TextEnd]);
        Assert.True(held.Score <= loose.Score);
    }

    [Fact]
    public void WhenTheCutsDoNotFitTheText_ShouldRefuseThem()
    {
        Assert.Throws<ArgumentException>(() => LocalAlignment.Align("作风建设", "加强作风建设", new bool[3]));
    }

    [Fact]
    public void WhenThePatternOccursExactly_ShouldScoreAPerfectMatch()
    {
        var a = LocalAlignment.Align("作风建设", "加强作风建设工作");

        Assert.Equal(LocalAlignment.MaxScore(4), a.Score);
        Assert.Equal(1.0, a.Similarity(4));
        Assert.Equal((0, 4, 2, 6), (a.PatternStart, a.PatternEnd, a.TextStart, a.TextEnd));
    }

    [Fact]
    public void WhenCharactersAreMissing_ShouldScoreBelowAnExactMatchButAboveAPartOfIt()
    {
        var exact = LocalAlignment.Align("全面从严治党永远在路上", "全面从严治党永远在路上").Similarity(11);
        var gapped = LocalAlignment.Align("全面从严治党在路上", "全面从严治党永远在路上").Similarity(9);
        var half = LocalAlignment.Align("全面从严治党在路上", "全面从严治党").Similarity(9);

        Assert.Equal(1.0, exact);
        Assert.InRange(gapped, half + 0.01, 0.99);
    }

    [Fact]
    public void WhenNothingMatches_ShouldScoreZero()
    {
        Assert.Equal(0, LocalAlignment.Align("作风建设", "经济发展").Score);
        Assert.Equal(0, LocalAlignment.AlignRotations("作风建设", "").Score);
    }

    [Fact]
    public void WhenTheHalvesAreSwapped_ShouldScoreBelowTheOrderAsTyped()
    {
        var inOrder = LocalAlignment.AlignRotations("全面从严治党在路上", "全面从严治党在路上");
        var swapped = LocalAlignment.AlignRotations("在路上全面从严治党", "全面从严治党在路上");

        Assert.False(inOrder.Rotated);
        Assert.True(swapped.Rotated);
        Assert.Equal(inOrder.Score - LocalAlignment.RotationPenalty, swapped.Score);
    }

    [Fact]
    public void WhenTheTextIsLong_ShouldStillFindTheBestPlace()
    {
        var text = string.Concat(Enumerable.Repeat("经济社会发展稳中有进。", 500)) + "坚持把纪律和规矩挺在前面" + string.Concat(Enumerable.Repeat("深化改革开放。", 500));

        var a = LocalAlignment.Align("把规矩和纪律挺在前面", MatchText.Build(text, 0, text.Length));

        Assert.Contains("挺在前面", MatchText.Build(text, 0, text.Length)[a.TextStart..a.TextEnd], StringComparison.Ordinal);
    }
}
