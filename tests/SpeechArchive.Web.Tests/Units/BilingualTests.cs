using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Tests.Units;

public sealed class BilingualTests
{
    [Theory]
    [InlineData("查询过长：1001 个字符。(query too long: 1001 characters)", "查询过长：1001 个字符。<span lang=\"en\">(query too long: 1001 characters)</span>")]
    [InlineData("第 1 列的 OR 两边都需要检索词。(OR at column 1 needs a word on each side (or a quote))", "第 1 列的 OR 两边都需要检索词。<span lang=\"en\">(OR at column 1 needs a word on each side (or a quote))</span>")]
    [InlineData("未知的单位 org:“人设局”。(unknown org '人设局')", "未知的单位 org:“人设局”。(unknown org &#x27;人设局&#x27;)")] // Chinese inside: no English gloss to mark
    [InlineData("空文件", "空文件")]
    [InlineData("<b>(x)</b>(y)", "&lt;b&gt;(x)&lt;/b&gt;<span lang=\"en\">(y)</span>")]
    public void WhenAMessageEndsInAnEnglishGloss_ShouldMarkItEnglishAndEncodeEverything(string message, string html)
    {
        using var written = new StringWriter();
        Bilingual.Html(message).WriteTo(written, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All)); // as the pages encode

        Assert.Equal(html, written.ToString());
    }
}
