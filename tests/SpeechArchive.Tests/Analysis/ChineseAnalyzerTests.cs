using SpeechArchive.Analysis;

namespace SpeechArchive.Tests.Analysis;

public sealed class ChineseAnalyzerTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(FixturePaths.Root, "Analysis", "tokens.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenAnalyzingRealText_ShouldEmitTermsWithSourceOffsets(string input, string expected)
    {
        var tokens = ChineseAnalyzer.Analyze(input);

        Assert.Equal(expected, string.Join(' ', tokens.Select(t => $"{t.Term}@{t.Start}-{t.End}")));
    }

    [Fact]
    public void WhenAnalyzing_ShouldNumberPositionsConsecutively()
    {
        var tokens = ChineseAnalyzer.Analyze("坚持全面从严治党，推进作风建设2022年");

        Assert.Equal(Enumerable.Range(0, tokens.Count), tokens.Select(t => t.Position));
    }

    [Fact]
    public void WhenTextIsMasked_ShouldNeverGlueTermsAcrossTheMask()
    {
        var tokens = ChineseAnalyzer.Analyze("省第**次党代会、驻局第**纪检监察组组长**同志、xx区xx系统").Select(t => t.Term).ToHashSet();

        Assert.DoesNotContain("第次", tokens);
        Assert.DoesNotContain("长同", tokens);
        Assert.DoesNotContain("区系", tokens);
        Assert.DoesNotContain("xx", tokens);
        Assert.Contains("党代", tokens);
    }

    [Fact]
    public void WhenTextIsVeryLong_ShouldAnalyzeAllOfItWithOffsetsInside()
    {
        var unit = "全面从严治党永远在路上，";
        var text = string.Concat(Enumerable.Repeat(unit, 100_000));

        var tokens = ChineseAnalyzer.Analyze(text);

        Assert.Equal((11 * 100_000) - 1, tokens.Count); // commas are soft: one bridged run of 1.1 M Han chars
        Assert.All(tokens.TakeLast(3), t => Assert.InRange(t.End, 1, text.Length));
    }

    [Fact]
    public void WhenQueryAndTextDifferOnlyInSoftPunctuation_ShouldProduceTheSameTerms()
    {
        var a = ChineseAnalyzer.Analyze("不敢腐不能腐不想腐").Select(t => t.Term);
        var b = ChineseAnalyzer.Analyze("不敢腐、不能腐、不想腐").Select(t => t.Term);

        Assert.Equal(a, b);
    }
}
