using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Which part of a long passage a snippet shows: where it shows the most of the query, a phrase held as written outweighing
/// its words scattered before it (农村税费改革试点 in the 2004 report, after 改革 and 试点 apart).
/// </summary>
public sealed class SnippetWindowTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("各项工作稳步推进，", 12));

    [Fact]
    public void WhenAPhraseHeldAsWrittenStandsAfterItsWordsApart_TheSnippetShouldShowThePhrase()
    {
        var text = "国有企业改革继续推进。制定试点方案。" + Filler + "农村税费改革试点扩大到全国。" + Filler;

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["农村税费改革试点", "改革", "试点"], 60);

        Assert.Contains("<mark>农村税费改革试点</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhereTheWindowsEdgeFallsInsideAWord_TheSnippetShouldMarkTheWordWhole()
    {
        // The user trial's 怎样防止干部腐败 showed …<mark>风廉政建设</mark>的关键…: the window began inside 党风廉政建设. Whatever
        // the length, a mark shows a whole word of the query, never part of one.
        var text = Filler + "抓好党风廉政建设的关键在于作风建设，作风建设要常抓不懈，以作风建设成效取信于民。" + Filler;
        string[] forms = ["党风廉政建设", "作风建设"];

        var cut = new List<string>();
        for (var length = 20; length <= 60; length++)
        {
            var snippet = SnippetBuilder.Build(text, 0, text.Length, forms, length);
            cut.AddRange(System.Text.RegularExpressions.Regex.Matches(snippet, "<mark>(.*?)</mark>").Select(m => m.Groups[1].Value).Where(m => !forms.Contains(m)));
        }

        Assert.Empty(cut);
    }

    [Fact]
    public void WhenTheHitsAreAlike_TheSnippetShouldShowTheFirst()
    {
        var text = "要加强作风建设。" + Filler + "要加强作风建设。" + Filler;

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["作风建设"], 40);

        Assert.StartsWith("要加强<mark>作风建设</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheWindowLeavesOutAWordOfTheQuery_TheSnippetShouldShowItToo()
    {
        // 青年 once at the end of a passage on 就业 (the 2019 report's 稳定和扩大就业): the window of the most 就业 left it out.
        var text = "多管齐下稳定和扩大就业。做好重点群体就业工作，加强就业帮扶，支持灵活就业。" + Filler + Filler + "让更多青年凭借一技之长实现人生价值。";
        var concepts = new Dictionary<string, int> { ["青年"] = 0, ["就业"] = 1, ["就业岗位"] = 1 };

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["青年", "就业", "就业岗位"], 100, concepts: concepts);

        Assert.Contains("<mark>就业</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>青年</mark>", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Replace("<mark>", "").Replace("</mark>", "").Length, 90, 110);
        Assert.DoesNotContain("……", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenOneWindowShowsEveryWord_TheSnippetShouldBeThatWindow()
    {
        var text = "就业工作。" + Filler + Filler + "促进青年就业创业。" + Filler + Filler;
        var concepts = new Dictionary<string, int> { ["青年"] = 0, ["就业"] = 1 };

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["青年", "就业"], 120, concepts: concepts);

        Assert.Contains("<mark>青年就业</mark>", snippet, StringComparison.Ordinal);
        Assert.Equal(2, snippet.Split('…').Length - 1); // one window, cut at both ends
    }

    [Fact]
    public void WhenThePieceForAMissingWordWouldCostAWordTheWindowShows_TheSnippetShouldKeepTheWindow()
    {
        // 就业 at 60, 青年 at 150, 创业 at 300 (a user of the review's): shrinking the window to make room for 创业 lost 青年.
        var text = new string('一', 60) + "就业" + new string('二', 88) + "青年" + new string('三', 148) + "创业" + new string('四', 100);
        var concepts = new Dictionary<string, int> { ["就业"] = 0, ["青年"] = 1, ["创业"] = 2 };

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["就业", "青年", "创业"], 160, concepts: concepts);

        Assert.Contains("<mark>就业</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>青年</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenThereIsNoHit_TheSnippetShouldBeginAtTheStart()
    {
        var text = "开头的话。" + Filler;

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["没有的词"], 30);

        Assert.StartsWith("开头的话。", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }
}
