using SpeechArchive.Storage;

namespace SpeechArchive.Tests.Storage;

/// <summary>The passages' sentences column: encoded spans decode to the same spans and types; a damaged value is named.</summary>
public sealed class SentenceColumnTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(120, 2)]
    [InlineData(5000, 3)]
    public void EncodedSentences_ShouldDecodeToTheSameSpansAndTypes(int passageStart, int seed)
    {
        var random = new Random(seed);
        var sentences = new List<(int Start, int End, string? Type)>();
        var at = passageStart;
        for (var i = random.Next(1, 30); i > 0; i--)
        {
            var start = at + random.Next(0, 3);
            var end = start + random.Next(1, 80);
            sentences.Add((start, end, random.Next(3) switch { 0 => null, 1 => "yaoqiu", _ => "bushu" }));
            at = end;
        }

        var decoded = SentenceColumn.Decode(SentenceColumn.Encode(passageStart, sentences), passageStart);

        Assert.Equal(sentences, decoded);
    }

    [Fact]
    public void HeldAsUtf8_ShouldDecodeAsTheStoredString()
    {
        (int, int, string?)[] sentences = [(3, 9, "要求"), (10, 20, null), (20, 31, "bushu")];
        var compact = SentenceColumn.Encode(3, sentences);

        var decoded = SentenceColumn.Decode(System.Text.Encoding.UTF8.GetBytes(compact), 3);

        Assert.Equal(sentences, decoded);
        Assert.Equal(SentenceColumn.Decode(compact, 3), decoded);
    }

    [Fact]
    public void NoSentences_ShouldEncodeAsEmptyAndDecodeAsNone()
    {
        Assert.Equal("", SentenceColumn.Encode(10, []));
        Assert.Empty(SentenceColumn.Decode("", 10));
    }

    [Theory]
    [InlineData("0,5,yaoqiu;x,3,")]
    [InlineData("0")]
    [InlineData("0,-4,")]
    public void ADamagedValue_ShouldSayTheIndexIsDamaged(string compact)
    {
        var e = Assert.Throws<SpeechArchiveException>(() => SentenceColumn.Decode(compact, 0));

        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
        Assert.Contains("--rebuild", e.Message, StringComparison.Ordinal);
    }
}
