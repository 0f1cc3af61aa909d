using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>Whatever a corpus file holds, reading it gives a document or a reason, and never an exception inside the reader.</summary>
public sealed class DocumentReaderPropertyTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("any.md")]
    [InlineData("any.txt")]
    public void WhenAFileHoldsAnything_ShouldGiveADocumentOrAReasonWithoutThrowing(string name)
    {
        var reader = new DocumentReader();
        var path = Path.Combine(folder.Path, name);

        PropertyRuns.Check(HostileText.FileBytes, bytes =>
        {
            File.WriteAllBytes(path, bytes);

            var result = reader.Read(new CorpusFile(name, path, bytes.Length), null);

            if (result.Succeeded)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Document.Text));
                Assert.DoesNotContain('\0', result.Document.Text);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Reason));
                Assert.DoesNotContain("unexpected error", result.Reason, StringComparison.Ordinal);
            }
        }, cases: 500, endSize: 400);
    }

    public void Dispose() => folder.Dispose();
}
