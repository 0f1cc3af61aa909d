using SpeechArchive.Analysis;

namespace SpeechArchive.Tests.Analysis;

public sealed class MatchTextTests
{
    [Theory]
    [InlineData("不敢腐、不能腐、不想腐", "不敢腐不能腐不想腐")]
    [InlineData("“两个维护”", "两个维护")]
    [InlineData("治党。永远", "治党\n永远")]
    [InlineData("第**次", "第\u0001次")]
    [InlineData("xx区", "\u0001区")]
    [InlineData("3.5%", "3 5")]
    [InlineData("ＡＰＰ　平台", "app平台")]
    public void WhenBuilding_ShouldDropSoftPunctuationAndMarkBreaks(string input, string expected)
    {
        Assert.Equal(expected, MatchText.Build(input, 0, input.Length));
        Assert.Equal(expected.Length, MatchText.Length(input, 0, input.Length));
    }

    [Fact]
    public void WhenMeasuringEveryPassageOfTheFixtureCorpus_ShouldGiveTheLengthOfTheBuiltForm()
    {
        foreach (var file in Directory.GetFiles(FixturePaths.Corpus))
        {
            var text = File.ReadAllText(file);
            for (var start = 0; start < text.Length; start += 97)
            {
                var end = Math.Min(text.Length, start + 1500);
                Assert.Equal(MatchText.Build(text, start, end).Length, MatchText.Length(text, start, end));
            }
        }
    }

    [Fact]
    public void WhenBuildingWithOffsets_ShouldMapEveryCharacterBackToTheSource()
    {
        const string text = "坚持不敢腐、不能腐一体推进";
        var offsets = new List<int>();

        var match = MatchText.Build(text, 0, text.Length, offsets);

        Assert.Equal(match.Length, offsets.Count);
        for (var i = 0; i < match.Length; i++)
        {
            Assert.Equal(match[i], TextNormalizer.Fold(text[offsets[i]]));
        }
    }

    [Theory]
    [InlineData("使用app平台", "app", 1)]
    [InlineData("使用apple平台", "app", 0)]
    [InlineData("永远在路上永远在路上", "永远在路上", 2)]
    public void WhenCounting_ShouldRespectLatinWordBoundaries(string haystack, string needle, int expected)
    {
        Assert.Equal(expected, MatchText.CountOccurrences(MatchText.Build(haystack, 0, haystack.Length), needle));
    }
}
