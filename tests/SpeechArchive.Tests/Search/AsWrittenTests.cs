using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>A clause typed without punctuation is preferred where the archive writes it without punctuation.</summary>
public sealed class AsWrittenTests
{
    [Fact]
    public void WhenAPhraseMatchesAcrossPunctuationAndAsWritten_ShouldRankTheOneAsWrittenFirst()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "支持企业的改组、改造。"),
            ("b.md", "2022-01-01", "乙", "鼓励外商投资高新技术产业和基础设施等领域，参与国有企业的改组改造，支持有条件的企业到境外上市，做好各项工作。"));

        var result = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "企业的改组改" });
        var strict = new Searcher(index).Search(new SearchRequest { Query = "企业的改组改" });

        Assert.Equal(2, result.Total);
        Assert.Contains("参与国有企业的改组改造", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.Contains("改组、改造", strict.Hits[0].Text, StringComparison.Ordinal); // BM25 alone prefers the short passage
    }

    [Fact]
    public void WhenTwoNearMatchesAreEquallyClose_ShouldRankTheOneWithoutPunctuationInsideFirst()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "认真贯彻依法治国基本方略，全面实施依法行政纲要。"),
            ("b.md", "2022-01-01", "乙", "全面贯彻依法治国基本方略，尊重和维护宪法的权威。"));

        var result = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "治国基本方略全面贯彻依法", Mode = SearchMode.Exact });

        Assert.Equal(2, result.NearTotal);
        Assert.StartsWith("全面贯彻依法治国基本方略", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(result.Hits[0].Similarity!.Value, result.Hits[1].Similarity!.Value + 0.01, 3);
    }
}
