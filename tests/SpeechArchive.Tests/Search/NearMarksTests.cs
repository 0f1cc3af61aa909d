using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

public sealed class NearMarksTests
{
    public static IEnumerable<object[]> Cases => TestData.Rows("Search/near-marks.tsv", 2);

    private static readonly Segmenter BaseCut = new(Lexicon.Base);

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenAnAlignedSpanIsMarked_ShouldCutItAtClausePunctuationAndLeaveNoHalfWord(string bracketed, string expected)
    {
        var start = bracketed.IndexOf('[', StringComparison.Ordinal);
        var text = bracketed.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        var end = bracketed.IndexOf(']', StringComparison.Ordinal) - 1;

        var marks = NearMarks.Cut(text, (start, end), BaseCut);

        Assert.Equal(expected.Split('|'), marks.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void WhenAQueryAlignsAcrossAComma_ShouldMarkNoCommaAndNoLoneCharacter()
    {
        // 干部中不愿担当不作为 aligns with 干部中，不愿担当、不(敢担当): the user trial saw <mark>干部中，不愿担当、不</mark>.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2020-01-09", "甲", "现在，在一些党员、干部中，不愿担当、不敢担当、不会担当的问题不同程度存在。有的做“老好人”，顾虑“洗碗越多，摔碗越多”。"),
            ("b.md", "2021-01-10", "乙", "要严格执行财经纪律，加强预算管理。\n\n各级干部要敢于担当，积极作为。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "干部中不愿担当不作为", Limit = 10 });

        var hit = result.Hits.First(h => h.Text.Contains("不愿担当", StringComparison.Ordinal));
        Assert.Contains(hit.Match, new[] { HitMatch.Aligned, HitMatch.Near });
        Assert.Contains("<mark>干部中</mark>，<mark>不愿担当</mark>、不敢担当", hit.Snippet, StringComparison.Ordinal);
    }
}
