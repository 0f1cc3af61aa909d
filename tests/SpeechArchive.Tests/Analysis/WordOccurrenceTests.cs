using SpeechArchive.Analysis;

namespace SpeechArchive.Tests.Analysis;

public sealed class WordOccurrenceTests
{
    [Theory]
    [InlineData("管党治党", true)] // 管党 | 治党: both ends on word boundaries
    [InlineData("国家标准", true)] // inside 符合国家标准, whose rest 符合 is a word
    [InlineData("家标准", false)] // inside it, its rest 符合国 no word
    [InlineData("违规违", false)] // across 违规 | 违纪
    [InlineData("民政府", false)] // inside 人民政府, its rest 人 a single character
    public void WhenAStringOccursInACutText_ShouldSayWhetherItOccursAsAWord(string word, bool expected)
    {
        // Cut by hand, so the test does not hang on how the base lexicon cuts these texts.
        var lexicon = new Lexicon([("管党", 10), ("治党", 10), ("符合", 10), ("符合国家标准", 10), ("违规", 10), ("违纪", 10), ("人民政府", 10)]);
        const string text = "压实管党治党责任，符合国家标准，查处违规违纪，各级人民政府";
        string[] words = ["压", "实", "管党", "治党", "责", "任", "，", "符合国家标准", "，", "查", "处", "违规", "违纪", "，", "各", "级", "人民政府"];
        var spans = new List<WordSpan>();
        var position = 0;
        foreach (var w in words)
        {
            if (w != "，") // punctuation is no word
            {
                spans.Add(new WordSpan(position, position + w.Length, w, WordKind.Han));
            }

            position += w.Length;
        }

        Assert.Equal(text, string.Concat(words));
        var at = text.IndexOf(word, StringComparison.Ordinal);

        Assert.Equal(expected, WordOccurrence.AsWord(spans, WordOccurrence.SpanAt(spans, text.Length), at, at + word.Length, lexicon));
    }
}
