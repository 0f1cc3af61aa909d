using System.Text;
using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public static partial class DocumentReaderTests
{
    private const string Chinese = "同志们：\n今天我们召开党风廉政建设工作会议。\n一、提高站位";

    public sealed class Encodings : IDisposable
    {
        private readonly TempFolder _folder = new();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void WhenFileIsUtf8WithBom_ShouldStripTheBomWithoutWarning()
        {
            var path = _folder.WriteBytes("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Chinese)]);

            var result = Fixture.Read(path);

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(Chinese, result.Document.Text);
            Assert.Empty(result.Document.Warnings);
        }

        [Theory]
        [InlineData(false, "UTF-16 LE")]
        [InlineData(true, "UTF-16 BE")]
        public void WhenFileIsUtf16WithBom_ShouldDecodeItWithAWarning(bool bigEndian, string name)
        {
            var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
            var path = _folder.WriteBytes("utf16.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Chinese)]);

            var result = Fixture.Read(path);

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(Chinese, result.Document.Text);
            Assert.Contains(result.Document.Warnings, w => w.Contains(name, StringComparison.Ordinal));
        }

        [Fact]
        public void WhenFileIsGb18030_ShouldDecodeItWithAWarning()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var path = _folder.WriteBytes("gb.txt", Encoding.GetEncoding("GB18030").GetBytes(Chinese));

            var result = Fixture.Read(path);

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(Chinese, result.Document.Text);
            Assert.Contains(result.Document.Warnings, w => w.Contains("GB18030", StringComparison.Ordinal));
        }

        [Fact]
        public void WhenFileIsLatin1_ShouldFailAsNotUtf8Gb18030OrUtf16()
        {
            var path = _folder.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes("café naïve résumé"));

            var result = Fixture.Read(path);

            Assert.False(result.Succeeded);
            Assert.Contains("not UTF-8, GB18030 or UTF-16", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFileIsRandomBytes_ShouldFail()
        {
            var bytes = new byte[4096];
            new Random(20220610).NextBytes(bytes);
            var path = _folder.WriteBytes("random.txt", bytes);

            var result = Fixture.Read(path);

            Assert.False(result.Succeeded);
            Assert.Equal("random.txt", result.Key);
        }

        [Fact]
        public void WhenFileHasNulBytes_ShouldFailAsBinary()
        {
            var path = _folder.WriteBytes("nul.txt", [.. Encoding.UTF8.GetBytes("文字"), 0, .. Encoding.UTF8.GetBytes("文字")]);

            var result = Fixture.Read(path);

            Assert.False(result.Succeeded);
            Assert.Contains("binary", result.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("word/document.xml", "Word 文档（.docx）")]
        [InlineData("xl/workbook.xml", "Excel 表格")]
        [InlineData("notes/a.txt", "ZIP 压缩包")]
        public void WhenAnOfficeFileOrZipIsNamedTxt_ShouldSayWhatItIsAndHowToSaveItAsText(string entry, string said)
        {
            using var zipped = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels", entry })
                {
                    using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                    writer.Write("<xml>" + new string('x', 3000) + "</xml>");
                }
            }

            var result = Fixture.Read(_folder.WriteBytes("讲话.txt", zipped.ToArray()));

            Assert.False(result.Succeeded);
            Assert.StartsWith("这是 " + said, result.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, "旧版 Office 文档")]
        [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7' }, "PDF 文件")]
        [InlineData(new byte[] { (byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', (byte)'1' }, "RTF 文档")]
        public void WhenAnotherDocumentFormatIsNamedTxt_ShouldNameTheFormat(byte[] bytes, string said)
        {
            var result = Fixture.Read(_folder.WriteBytes("讲话.txt", [.. bytes, .. Encoding.UTF8.GetBytes("文字")]));

            Assert.False(result.Succeeded);
            Assert.Contains(said, result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFileIsFullOfControlCharacters_ShouldFailAsBinary()
        {
            var path = _folder.Write("control.txt", "文字" + new string('\u0001', 20) + "文字");

            var result = Fixture.Read(path);

            Assert.False(result.Succeeded);
            Assert.Contains("binary", result.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("第一行\r\n第二行\r\n")]
        [InlineData("第一行\r第二行\r")]
        public void WhenLinesEndWithCrlfOrCr_ShouldGiveLf(string text)
        {
            var path = _folder.Write("crlf.txt", text);

            var result = Fixture.Read(path);

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("第一行\n第二行\n", result.Document.Text);
        }
    }
}
