using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public sealed class DocumentIdTests
{
    public static TheoryData<string[]> Cases => Fixture.Rows("document-ids.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenKeyIsConverted_ShouldGiveTheExpectedId(string[] row)
    {
        Assert.Equal(row[1], DocumentId.FromKey(row[0]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenKeyIsConverted_ShouldBeSafeInOneUrlPathSegment(string[] row)
    {
        var id = DocumentId.FromKey(row[0]);

        Assert.NotEmpty(id);
        Assert.DoesNotContain('/', id);
        Assert.False(id.All(c => c == '.'), "an id of dots would mean '.' or '..' in a URL");
        Assert.Equal(id, Uri.UnescapeDataString(Uri.EscapeDataString(id)));
        Assert.All(id.EnumerateRunes(), r => Assert.True(System.Text.Rune.IsLetterOrDigit(r) || r.Value is '-' or '_' or '.', $"'{r}' in {id}"));
    }

    [Fact]
    public void WhenKeyIsOnlyDots_ShouldNotGiveADotSegment()
    {
        var id = DocumentId.FromKey("..");

        Assert.Matches("^-+$", id);
    }
}
