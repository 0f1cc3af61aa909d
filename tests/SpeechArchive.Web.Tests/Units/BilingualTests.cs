using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Tests.Units;

public sealed class BilingualTests
{
    [Theory]
    [InlineData("查询过长：1001 个字符。(query too long: 1001 characters)", "查询过长：1001 个字符。<span lang=\"en\">(query too long: 1001 characters)</span>")]
    [InlineData("第 1 列的 OR 两边都需要检索词。(OR at column 1 needs a word on each side (or a quote))", "第 1 列的 OR 两边都需要检索词。<span lang=\"en\">(OR at column 1 needs a word on each side (or a quote))</span>")]
    [InlineData("未知的单位 org:“人设局”。(unknown org '人设局')", "未知的单位 org:“人设局”。<span lang=\"en\">(unknown org &#x27;<span lang=\"zh-CN\">人设局</span>&#x27;)</span>")] // the Chinese it quotes read as Chinese
    [InlineData("uploads/gbk.txt: 不是有效的 UTF-8，已按 GB18030 解码 (decoded as GB18030: not valid UTF-8)", "uploads/gbk.txt: 不是有效的 UTF-8，已按 GB18030 解码 <span lang=\"en\">(decoded as GB18030: not valid UTF-8)</span>")]
    [InlineData("正文末尾的版权声明未编入正文：自“本作品来自1949年10月1日（含）之后…”起 7 段 545 字 (licence notice at the end left out of the text: 7 paragraphs, 545 characters from '本作品来自1949年10月1日（含）之后…')",
        "正文末尾的版权声明未编入正文：自“本作品来自1949年10月1日（含）之后…”起 7 段 545 字 <span lang=\"en\">(licence notice at the end left out of the text: 7 paragraphs, 545 characters from &#x27;<span lang=\"zh-CN\">本作品来自1949年10月1日（含）之后…</span>&#x27;)</span>")]
    [InlineData("替换了同名文件 (replaced the file of that name)；与已上传的 uploads/讲话(2).md 内容完全相同 (the same bytes as uploads/讲话(2).md)",
        "替换了同名文件 <span lang=\"en\">(replaced the file of that name)</span>；与已上传的 uploads/讲话(2).md 内容完全相同 <span lang=\"en\">(the same bytes as uploads/<span lang=\"zh-CN\">讲话</span>(2).md)</span>")] // an upload's notes, joined
    [InlineData("另存为 讲话(2)；附件(一)", "另存为 讲话(2)；附件(一)")] // brackets of a number or of Chinese are no gloss
    [InlineData("(only a bracket)", "(only a bracket)")]
    [InlineData("标题已修补 (title mended: MANIFEST.tsv gave '全面提高依法防控依法治理能力健全国家公共卫生应急管理体系※习近平一当前，疫情防控')",
        "标题已修补 <span lang=\"en\">(title mended: MANIFEST.tsv gave &#x27;<span lang=\"zh-CN\">全面提高依法防控依法治理能力健全国家公共卫生应急管理体系※习近平一当前，疫情防控</span>&#x27;)</span>")] // a long quote: still English
    [InlineData("附件 ('人设局')", "附件 (&#x27;人设局&#x27;)")] // a quote alone is no gloss
    [InlineData("用时 5 × 2 秒 (5 × 2 seconds)", "用时 5 × 2 秒 <span lang=\"en\">(5 × 2 seconds)</span>")]
    [InlineData("空文件", "空文件")]
    [InlineData("<b>(x)</b>(y)", "&lt;b&gt;(x)&lt;/b&gt;<span lang=\"en\">(y)</span>")]
    public void WhenAMessageEndsInAnEnglishGloss_ShouldMarkItEnglishAndEncodeEverything(string message, string html)
    {
        using var written = new StringWriter();
        Bilingual.Html(message).WriteTo(written, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All)); // as the pages encode

        Assert.Equal(html, written.ToString());
    }
}
