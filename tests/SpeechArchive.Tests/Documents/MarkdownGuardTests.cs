using System.Globalization;
using System.Text;

namespace SpeechArchive.Tests.Documents;

/// <summary>Markdown shaped to make Markdig superlinear fails alone and at once, with the line; near misses still read.</summary>
public sealed class MarkdownGuardTests : IDisposable
{
    private readonly TempFolder folder = new();

    public static TheoryData<string[]> Cases => Fixture.Rows("markdown-limits.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenMarkdownHasAShapeThatParsesSlowly_ShouldRefuseItNamingTheLine(string[] row)
    {
        var (line, repeat, expected) = (row[1], int.Parse(row[2], CultureInfo.InvariantCulture), row[3]);
        var path = folder.Write("case.md", Expand(line, repeat));

        var result = Fixture.Read(path);

        if (expected == "read")
        {
            Assert.True(result.Succeeded, result.Reason);
            Assert.False(string.IsNullOrWhiteSpace(result.Document.Text));
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.Equal(expected["refused: ".Length..], result.Reason);
        }
    }

    [Fact]
    public void WhenTheShapeFollowsFrontMatter_ShouldNameTheLineInTheFile()
    {
        var path = folder.Write("deep.md", "---\ntitle: 讲话\nyear: 2022\n---\n" + Expand("{indent}- 项\n", 40));

        var result = Fixture.Read(path);

        Assert.False(result.Succeeded);
        Assert.StartsWith("第 37 行：", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("at line 37)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheSameShapeIsPlainText_ShouldReadIt()
    {
        var path = folder.Write("links.txt", "在会议上的讲话\n" + Expand("[](", 200_000));

        var result = Fixture.Read(path);

        Assert.True(result.Succeeded, result.Reason);
    }

    private static string Expand(string line, int repeat)
    {
        var sb = new StringBuilder();
        var grows = line.Contains('{', StringComparison.Ordinal);
        for (var i = 0; i < repeat; i++)
        {
            sb.Append(grows
                ? line.Replace("{indent}", new string(' ', 2 * i), StringComparison.Ordinal).Replace("{quotes}", new string('>', i), StringComparison.Ordinal)
                : line);
        }

        return sb.Append("\n正文。\n").ToString();
    }

    public void Dispose() => folder.Dispose();
}
