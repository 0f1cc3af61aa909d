using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public static partial class DocumentReaderTests
{
    public sealed class Limits : IDisposable
    {
        private readonly TempFolder _folder = new();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void WhenFileHasZeroBytes_ShouldFailAsEmpty()
        {
            var result = Fixture.Read(_folder.WriteBytes("empty.txt", []));

            Assert.False(result.Succeeded);
            Assert.Contains("empty", result.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("empty.txt", " \n\t\r\n\u3000 ")]
        [InlineData("empty.md", "\n\n   \n")]
        public void WhenFileHasOnlyWhiteSpace_ShouldFailAsEmpty(string name, string text)
        {
            var result = Fixture.Read(_folder.Write(name, text));

            Assert.False(result.Succeeded);
            Assert.Contains("only white space", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenMarkdownHasOnlyFrontMatter_ShouldFailForLackOfText()
        {
            var result = Fixture.Read(_folder.Write("only-front-matter.md", "---\ntitle: 讲话\n---\n\n"));

            Assert.False(result.Succeeded);
            Assert.Contains("no text after the front matter", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFileIsLargerThan5MB_ShouldFailAsTooLarge()
        {
            var bytes = new byte[DocumentReader.MaxFileBytes + 1];
            Array.Fill(bytes, (byte)'a');

            var result = Fixture.Read(_folder.WriteBytes("big.txt", bytes));

            Assert.False(result.Succeeded);
            Assert.Contains("too large", result.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void WhenFileIsExactly5MB_ShouldBeRead()
        {
            var bytes = new byte[DocumentReader.MaxFileBytes];
            Array.Fill(bytes, (byte)'a');

            var result = Fixture.Read(_folder.WriteBytes("limit.txt", bytes));

            Assert.True(result.Succeeded, result.Reason);
        }

        [Theory]
        [InlineData(">")]
        [InlineData("- ")]
        [InlineData("1. ")]
        public void WhenMarkdownNestsTenThousandLevels_ShouldFailThatFileAlone(string marker)
        {
            var deep = _folder.Write("deep.md", string.Concat(Enumerable.Repeat(marker, 10_000)) + " 文字\n");
            var fine = _folder.Write("fine.md", "# 标题\n\n正文。\n");

            var deepResult = Fixture.Read(deep);
            var fineResult = Fixture.Read(fine);

            Assert.False(deepResult.Succeeded);
            Assert.Contains("Markdown", deepResult.Reason, StringComparison.Ordinal);
            Assert.True(fineResult.Succeeded, fineResult.Reason);
        }

        [Fact]
        public void WhenFileDoesNotExist_ShouldFailInsteadOfThrowing()
        {
            var path = Path.Combine(_folder.Path, "missing.txt");

            var result = new DocumentReader().Read(new CorpusFile("missing.txt", path, 10), null);

            Assert.False(result.Succeeded);
            Assert.Contains("cannot read", result.Reason, StringComparison.Ordinal);
            Assert.True(result.ByException); // the message names the server's folders: an upload's reason does not repeat it
        }

        [Fact]
        public void WhenAFileIsRefusedForWhatItHolds_ShouldNotSayAnExceptionMadeTheReason()
        {
            var path = Path.Combine(_folder.Path, "empty.md");
            File.WriteAllText(path, "");

            var result = new DocumentReader().Read(new CorpusFile("empty.md", path, 0), null);

            Assert.False(result.Succeeded);
            Assert.False(result.ByException);
        }
    }
}
