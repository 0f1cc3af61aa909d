using System.Text.RegularExpressions;
using SpeechArchive.Analysis;
using SpeechArchive.Export;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Export;

/// <summary>
/// The exported analysis against the engine's: the char filter's patterns are read with .NET's regex engine (their syntax
/// is the part Java's and .NET's share), and cjk_bigram is modelled as what it does to the Han characters the standard
/// tokenizer emits one by one: adjacent ones (offsets touching) pair up, a lone one stays a unigram.
/// </summary>
public sealed class ElasticAnalysisTests(IndexFixture fixture) : IClassFixture<IndexFixture>
{
    private static readonly Regex Bridge = new(ElasticAnalysis.BridgePattern);
    private static readonly Regex Han = new("^" + ElasticAnalysis.HanClass + "$");

    public static IEnumerable<object[]> Cases => TestData.Rows("Export/bridge.tsv", 3);

    [Fact]
    public void WhenClassifyingEveryCharacter_ShouldRemoveExactlyWhatTheEngineBridges()
    {
        var soft = new Regex("^" + ElasticAnalysis.SoftClass + "$");
        var wrong = new List<string>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                continue; // Java's regex reads code points: supplementary ideographs are a documented difference
            }

            var kind = TextNormalizer.KindOf(TextNormalizer.Fold(c));
            if (soft.IsMatch(c.ToString()) != (kind == CharKind.Soft) || Han.IsMatch(c.ToString()) != (kind == CharKind.Cjk))
            {
                wrong.Add($"U+{i:X4} ({kind})");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenFilteringASentence_ShouldGiveTheEnginesHanTerms(string input, string filtered, string terms)
    {
        Assert.Equal(filtered, Bridge.Replace(input, ""));
        Assert.Equal(terms, string.Join(' ', HanTerms(filtered)));
        Assert.Equal(terms, string.Join(' ', EngineTerms(input)));
    }

    [Fact]
    public void WhenFilteringEveryPassageOfTheFixtureCorpus_ShouldGiveTheEnginesHanTerms()
    {
        var index = fixture.Snapshot;
        Assert.NotEmpty(index.Passages);
        for (var i = 0; i < index.Passages.Count; i++)
        {
            var text = index.PassageText(i);
            Assert.Equal(EngineTerms(text), HanTerms(Bridge.Replace(text, "")));
        }
    }

    [Fact]
    public void WhenListingWords_ShouldKeepWordsOfTwoToFifteenCharacters()
    {
        var lexicon = new Lexicon([("的", 9), ("作风建设", 5), ("全面从严治党", 4), (new string('党', 16), 1)]);

        Assert.Equal(["作风建设", "全面从严治党"], ElasticAnalysis.WordList(lexicon));
    }

    /// <summary>The Han terms cjk_bigram forms after the standard tokenizer: each maximal run of adjacent Han characters.</summary>
    private static List<string> HanTerms(string filtered)
    {
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= filtered.Length; i++)
        {
            var han = i < filtered.Length && Han.IsMatch(filtered[i].ToString());
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                if (i - start == 1)
                {
                    terms.Add(filtered[start].ToString());
                }

                for (var k = start; k + 1 < i; k++)
                {
                    terms.Add(filtered.Substring(k, 2));
                }

                start = -1;
            }
        }

        return terms;
    }

    private static List<string> EngineTerms(string text) =>
        [.. ChineseAnalyzer.Analyze(text).Where(t => t.Type != TokenType.Word).Select(t => t.Term)];
}
