using System.Text;
using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public static partial class DocumentReaderTests
{
    public sealed class FrontMatter : IDisposable
    {
        private readonly TempFolder _folder = new();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void WhenFrontMatterIsGood_ShouldFillMetadataAndKeepTheBodyAsMarkdown()
        {
            var result = Fixture.Read(Fixture.PathOf("front-matter/good.md"));

            Assert.True(result.Succeeded, result.Reason);
            var doc = result.Document;
            var m = doc.Metadata;
            Assert.Equal("在2022年全面从严治党工作会议上的讲话", m.Title);
            Assert.Equal(new DateOnly(2022, 6, 10), m.Date);
            Assert.Equal(2022, m.Year);
            Assert.Equal("局党组书记", m.Speaker);
            Assert.Equal("市人社局", m.Organization);
            Assert.Equal("全面从严治党工作会议", m.Meeting);
            Assert.Equal("seeds/example.txt", m.Source);
            Assert.Equal("工作会议讲话", m.Category);
            Assert.Equal(["全面从严治党", "作风建设"], m.Tags);
            Assert.Equal(new MetadataProvenance("front matter", 1.0), m.TitleProvenance);
            Assert.Equal(new MetadataProvenance("front matter", 1.0), m.YearProvenance);
            Assert.Equal("在2022年全面从严治党工作会议上的讲话\n同志们：\n一、提高站位\n要切实加强学习。", doc.Text);
            Assert.StartsWith("\n# 在2022年", doc.Markdown, StringComparison.Ordinal);
            Assert.Equal([new HeadingHint(0, 1), new HeadingHint(doc.Text.IndexOf("一、", StringComparison.Ordinal), 2)], doc.Headings);
        }

        [Fact]
        public void WhenTagsAreACommaSeparatedString_ShouldSplitThem()
        {
            var result = Read("---\ntags: 党建, 廉政，作风、纪律\n---\n正文");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(["党建", "廉政", "作风", "纪律"], result.Document.Metadata.Tags);
        }

        [Fact]
        public void WhenDateIsOnlyAYear_ShouldSetTheYearAndNoDate()
        {
            var result = Read("---\ndate: 2021\n---\n正文");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(2021, result.Document.Metadata.Year);
            Assert.Null(result.Document.Metadata.Date);
            Assert.Equal(1.0, result.Document.Metadata.YearProvenance.Confidence);
        }

        [Theory]
        [InlineData("2022-06-10T09:30:00")]
        [InlineData("2022-6-10")]
        public void WhenDateHasATimeOrShortFields_ShouldKeepTheDay(string date)
        {
            var result = Read($"---\ndate: {date}\n---\n正文");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(new DateOnly(2022, 6, 10), result.Document.Metadata.Date);
        }

        [Fact]
        public void WhenYamlIsMalformed_ShouldFailWithTheLineInTheFile()
        {
            var result = Fixture.Read(Fixture.PathOf("front-matter/malformed.md"));

            Assert.False(result.Succeeded);
            Assert.StartsWith("第 4 行：front matter 不是有效的 YAML，请检查方括号、花括号和引号是否成对 (malformed front matter at line 4: ", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenABracketIsNotClosed_ShouldSayWhereAndWhatToCheckInChinese()
        {
            // YamlDotNet says so in English, and for some broken input only "Operation is not valid due to the current state of the object".
            var result = Read("---\ntitle: [unclosed\n---\n正文");

            Assert.False(result.Succeeded);
            Assert.StartsWith("第 3 行：front matter 不是有效的 YAML，请检查方括号、花括号和引号是否成对 (malformed front matter at line 3: ", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenTheYamlScannerFailsWithoutSayingWhy_ShouldNotRepeatItsMessage()
        {
            // YamlDotNet throws InvalidOperationException here ("Operation is not valid due to the current state of the
            // object"), which told an administrator nothing (a user trial's upload).
            var result = Read("---\ntitle: [unclosed\ndate: 2024-13-45\n  bad: : yaml\n---\n正文");

            Assert.False(result.Succeeded);
            Assert.StartsWith("第 2 行附近：front matter 不是有效的 YAML", result.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("Operation is not valid", result.Reason, StringComparison.Ordinal);
            Assert.EndsWith("(malformed front matter near line 2: check that brackets, braces and quotes are paired)", result.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("---\ntitle: 讲话\nyear: 二〇二二\n---\n正文", "'year'", 3)]
        [InlineData("---\ntitle: 讲话\n\ndate: 2022/06/10\n---\n正文", "'date'", 4)]
        [InlineData("---\ntitle: [一, 二]\n---\n正文", "'title' must be a text value", 2)]
        [InlineData("---\ntitle: 讲话\ntitle: 又一个\n---\n正文", "duplicate front matter key 'title'", 3)]
        [InlineData("---\n- 一\n- 二\n---\n正文", "must be a mapping", 2)]
        public void WhenAValueIsWrong_ShouldFailNamingTheKeyAndLine(string text, string expected, int line)
        {
            var result = Read(text);

            Assert.False(result.Succeeded);
            Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
            Assert.StartsWith($"第 {line} 行：", result.Reason, StringComparison.Ordinal); // said in Chinese first, the English after it
            Assert.EndsWith($"at line {line})", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenYamlUsesAnchorsAndAliases_ShouldRejectWithoutExpanding()
        {
            var result = Fixture.Read(Fixture.PathOf("front-matter/billion-laughs.md"));

            Assert.False(result.Succeeded);
            Assert.Contains("YAML aliases are not allowed", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenYamlUsesAnAliasWithoutAnchor_ShouldReject()
        {
            var result = Read("---\ntitle: *x\n---\n正文");

            Assert.False(result.Succeeded);
            Assert.Contains("YAML aliases are not allowed", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFrontMatterHasTenThousandKeys_ShouldRejectIt()
        {
            // Base-36 keys of at most three characters keep the front matter under the 64 KB limit, so the key guard is what fires.
            const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
            var yaml = new StringBuilder("---\n");
            for (var i = 0; i < 10_000; i++)
            {
                yaml.Append(digits[i / 1296]).Append(digits[i / 36 % 36]).Append(digits[i % 36]).Append(":\n");
            }

            Assert.True(yaml.Length < 64 * 1024);

            var result = Read(yaml.Append("---\n正文").ToString());

            Assert.False(result.Succeeded);
            Assert.Contains("more than 200 keys", result.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("a: {b: {c: {d: {e: {f: 1}}}}}")]
        [InlineData("a: [[[[[[[[1]]]]]]]]")]
        public void WhenFrontMatterNestsTooDeeply_ShouldRejectIt(string yaml)
        {
            var result = Read($"---\n{yaml}\n---\n正文");

            Assert.False(result.Succeeded);
            Assert.Contains("nested deeper than 5", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFrontMatterNestsTenThousandLevels_ShouldRejectIt()
        {
            var yaml = "a: " + new string('[', 10_000) + new string(']', 10_000);

            var result = Read($"---\n{yaml}\n---\n正文");

            Assert.False(result.Succeeded);
            Assert.Contains("nested deeper than 5", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenNestingIsWithinTheLimit_ShouldIgnoreTheUnknownKey()
        {
            var result = Read("---\nextra: {b: {c: {d: 1}}}\ntitle: 讲话\n---\n正文");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("讲话", result.Document.Metadata.Title);
        }

        [Fact]
        public void WhenFrontMatterIsLargerThan64KB_ShouldRejectIt()
        {
            var result = Read("---\nnote: " + new string('长', 70_000) + "\n---\n正文");

            Assert.False(result.Succeeded);
            Assert.Contains("longer than 64 KB", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFrontMatterIsNotClosed_ShouldFailSayingSo()
        {
            var result = Read("---\ntitle: 讲话\n\n正文");

            Assert.False(result.Succeeded);
            Assert.Contains("not closed", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenTextFileStartsWithDashes_ShouldNotParseFrontMatter()
        {
            var path = _folder.Write("plain.txt", "---\ntitle: 讲话\n---\n正文");

            var result = Fixture.Read(path);

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("---\ntitle: 讲话\n---\n正文", result.Document.Text);
            Assert.Null(result.Document.Markdown);
        }

        private DocumentReadResult Read(string markdown) => Fixture.Read(_folder.Write("speech.md", markdown));
    }
}
