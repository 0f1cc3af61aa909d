using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public sealed class MarkdownTextExtractorTests
{
    public static TheoryData<string[]> Cases => Fixture.Rows("markdown-cases.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenMarkdownIsExtracted_ShouldGiveOneLinePerBlockWithoutMarkup(string[] row)
    {
        var (markdown, expectedText, expectedHeadings) = (row[1], row[2], row.Length > 3 ? row[3] : "");

        var extracted = MarkdownTextExtractor.Extract(markdown);

        Assert.Equal(expectedText, extracted.Text);
        var headings = string.Join(",", extracted.Headings.Select(h => $"{h.Start}:{h.Level}"));
        Assert.Equal(expectedHeadings, headings);
    }

    [Fact]
    public void WhenHeadingsAreRecorded_ShouldPointAtTheStartOfTheHeadingLine()
    {
        var extracted = MarkdownTextExtractor.Extract("导语\n\n## 一、提高站位\n\n正文\n\n### （一）加强学习\n\n正文二");

        var lines = extracted.Headings.Select(h => extracted.Text[h.Start..].Split('\n')[0]).ToList();
        Assert.Equal(["一、提高站位", "（一）加强学习"], lines);
    }

    [Fact]
    public void WhenInlineNestingIsVeryDeep_ShouldNotCrash()
    {
        var markdown = string.Concat(Enumerable.Repeat("*强调 ", 5000)) + string.Concat(Enumerable.Repeat("文字* ", 5000));

        var extracted = MarkdownTextExtractor.Extract(markdown);

        Assert.Contains("强调", extracted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('*', extracted.Text);
    }
}
