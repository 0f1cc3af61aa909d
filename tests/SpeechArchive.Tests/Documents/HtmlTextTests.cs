using System.Text.RegularExpressions;
using FsCheck.Fluent;
using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public sealed partial class HtmlTextTests
{
    [Fact]
    public void WhenStrippingAnyHtml_ShouldAgreeWithTheRegexesItReplaces()
    {
        var pieces = Gen.Elements("<", ">", "<!--", "-->", "--", "!", "<div>", "</p>", "<br/>", "文字", "a", " ", "\n", "<![CDATA[", "]]>", "<?", "?>");
        var html = pieces.ArrayOf().Select(p => string.Concat(p));

        PropertyRuns.Check(html, text => Assert.Equal(Tags().Replace(Comments().Replace(text, ""), ""), HtmlText.Strip(text)), cases: 2000);
    }

    [Fact]
    public void WhenStrippingHtmlWithScriptsAndStyles_ShouldDropTheirContentsAsTheReferenceRegexDoes()
    {
        var pieces = Gen.Elements("<", ">", "/", "<!--", "-->", "<script>", "<SCRIPT ", "</script>", "</Script ", "<style>", "</style>", "<script/>", "<scripts>", "script", "文字", "a", " ", "\n", "\"");
        var html = pieces.ArrayOf().Select(p => string.Concat(p));

        PropertyRuns.Check(html, text => Assert.Equal(Tags().Replace(Hidden().Replace(text, ""), ""), HtmlText.Strip(text)), cases: 4000);
    }

    [Theory]
    [InlineData("<script>", "")] // never closed: the rest is its contents
    [InlineData("<script>a</scrip", "")]
    [InlineData("<script /", "")] // one tag, written self-closing: an opening all the same, never closed
    [InlineData("<script <style ", "")]
    public async Task WhenHiddenElementsRepeatUnclosed_ShouldStillBeReadInLinearTime(string piece, string expected)
    {
        // Each piece 200,000 times: rescanning to the end from each would take minutes; the wait is only a hang guard.
        var html = string.Concat(Enumerable.Repeat(piece, 200_000)) + ">正文";

        var text = await Task.Run(() => HtmlText.Strip(html)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task WhenAnHtmlBlockNeverCloses_ShouldStillBeReadWhole()
    {
        // Four megabytes of unclosed CDATA: the regexes took minutes here (every '<' rescanned to the end); the wait is only a hang guard.
        using var folder = new TempFolder();
        var path = folder.Write("cdata.md", string.Concat(Enumerable.Repeat("<![CDATA[\n", 400_000)) + "正文\n");

        var result = await Task.Run(() => Fixture.Read(path)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Succeeded, result.Reason);
        Assert.EndsWith("正文", result.Document.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    /// <summary>Comments, and script and style elements with their contents (to the end when not closed; a tag written self-closing opens one too), whichever starts first.</summary>
    [GeneratedRegex(@"<!--.*?-->|<(script|style)(?=[\s/>])[^>]*>.*?(?:</\1(?=[\s/>])[^>]*>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();
}
