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
