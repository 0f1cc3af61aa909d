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
}
