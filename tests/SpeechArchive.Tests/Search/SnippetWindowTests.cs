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
    public void WhenTheHitsAreAlike_TheSnippetShouldShowTheFirst()
    {
        var text = "要加强作风建设。" + Filler + "要加强作风建设。" + Filler;

        var snippet = SnippetBuilder.Build(text, 0, text.Length, ["作风建设"], 40);

        Assert.StartsWith("要加强<mark>作风建设</mark>", snippet, StringComparison.Ordinal);
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
