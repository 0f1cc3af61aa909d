using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>A citation names what is known, in the order and the date form of official writing.</summary>
public sealed class CitationTests
{
    [Theory]
    [InlineData("2023-05-10", 2023, "《在全会上的讲话》，某书记，市纪委，2023年5月10日，一、提高站位")]
    [InlineData(null, 2021, "《在全会上的讲话》，某书记，市纪委，2021年，一、提高站位")]
    [InlineData("2023年春", 2023, "《在全会上的讲话》，某书记，市纪委，2023年春，一、提高站位")]
    public void ACitation_ShouldGiveTheDateAsOfficialWritingDoes(string? date, int year, string expected) =>
        Assert.Equal(expected, PassageSource.Cite("在全会上的讲话", "某书记", "市纪委", date, year, "一、提高站位"));

    [Fact]
    public void ACitation_ShouldLeaveOutWhatIsUnknown() =>
        Assert.Equal("《讲话》", PassageSource.Cite("讲话", null, " ", null, null, null));
}
