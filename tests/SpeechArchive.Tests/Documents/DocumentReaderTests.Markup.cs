using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public static partial class DocumentReaderTests
{
    /// <summary>HTML in a Markdown file: its tags are not text, nor are the contents of its scripts, stylesheets and comments.</summary>
    public sealed class Markup : IDisposable
    {
        private readonly TempFolder _folder = new();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void WhenMarkdownHoldsScriptsStylesAndComments_ShouldKeepOnlyTheTextAroundThem()
        {
            // The reviewer's upload: <script>alert(3)</script>要坚持… made alert(3) a passage's words.
            var markdown = "---\ntitle: 关于作风建设的讲话\n---\n"
                + "<script>alert(3)</script>要坚持以人民为中心的发展思想。\n\n"
                + "<style>\nbody { color: red; }\n</style>\n\n"
                + "要坚持<script type=\"text/javascript\">document.write(4)</script>全面从严治党。<!-- 注释 -->\n\n"
                + "<div>\n<SCRIPT>\nfetch('/x')\n\n</div>\n\n"
                + "要加强作风建设。";

            var result = Fixture.Read(_folder.Write("upload.md", markdown));

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("要坚持以人民为中心的发展思想。\n要坚持全面从严治党。\n要加强作风建设。", result.Document.Text);
            Assert.Contains("<script>alert(3)</script>", result.Document.Markdown, StringComparison.Ordinal); // the file as written
        }

        [Fact]
        public void WhenAScriptIsWrittenSelfClosing_ShouldHideWhatFollowsItAsAnOpenScriptDoes()
        {
            // HTML ignores the slash of <script/>: what follows, to </script>, is script (a review found alert(3) searchable).
            var markdown = "要坚持<script/>alert(3)</script>以人民为中心的发展思想。\n\n"
                + "<div>\n<style/>\nbody { color: red; }\n</div>\n\n"
                + "<script src=\"a.js\"/>\ndocument.write(4)\n</script>\n\n"
                + "要加强作风建设。";

            var result = Fixture.Read(_folder.Write("upload.md", markdown));

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("要坚持以人民为中心的发展思想。\n要加强作风建设。", result.Document.Text);
        }

        [Fact]
        public void WhenMarkdownIsOnlyAScript_ShouldFailForLackOfText()
        {
            var result = Fixture.Read(_folder.Write("script.md", "<script>\nalert(3)\n</script>\n"));

            Assert.False(result.Succeeded);
            Assert.Contains("no text in the Markdown", result.Reason, StringComparison.Ordinal);
        }
    }
}
