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

    [Theory]
    [InlineData("决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利 (十九大)", "《决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利（十九大）》")]
    [InlineData("关于(草案)的说明", "《关于（草案）的说明》")]
    [InlineData("論聯合政府 (七大)", "《論聯合政府（七大）》")]
    [InlineData("在全会上的讲话（摘要）", "《在全会上的讲话（摘要）》")]
    [InlineData("第(1)号令 (2020)", "《第(1)号令 (2020)》")]
    public void ACitation_ShouldSetATitlesBracketsFullWidthAsChineseTextDoes(string title, string expected) =>
        Assert.Equal(expected, PassageSource.Cite(title, null, null, null, null, null));
}
