using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public sealed class YearCueTests
{
    [Fact]
    public void WhenDefaultCuesAreLoaded_ShouldHaveYearsAndPositiveWeights()
    {
        Assert.NotEmpty(YearCue.Default);
        Assert.All(YearCue.Default, c =>
        {
            Assert.NotEmpty(c.Years);
            Assert.True(c.Weight > 0, c.Cue);
        });
    }

    [Fact]
    public void WhenDefaultCuesAreCompared_ShouldHaveNoVariantInsideAnotherCue()
    {
        var cues = YearCue.Default;

        var overlaps =
            from a in cues
            from b in cues
            where !ReferenceEquals(a, b)
            from va in a.Variants
            from vb in b.Variants
            where va.Contains(vb, StringComparison.Ordinal)
            select $"{va} contains {vb}";

        Assert.Empty(overlaps);
    }

    [Fact]
    public void WhenCueLineIsMalformed_ShouldThrowNamingTheLine()
    {
        var e = Assert.Throws<SpeechArchiveException>(() => YearCue.Parse("cue\tyears\tweight\n甲\t去年\t1\n"));

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenCueHasVariants_ShouldMatchAnyOfThem()
    {
        var cue = Assert.Single(YearCue.Parse("cue\tyears\tweight\n甲会|乙会\t2021|2022\t2\n"));

        Assert.True(cue.Matches("召开乙会"));
        Assert.False(cue.Matches("丙会"));
        Assert.Equal([2021, 2022], cue.Years);
    }
}
