using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>
/// Whether a year stands in a heading line is read out from the year and given up once the line is longer than a heading,
/// without copying the line (a flattened page of a megabyte naming years thousands of times copied gigabytes): the same
/// answers as taking the trimmed line whole.
/// </summary>
public sealed class MetadataInferenceHeadingLineTests
{
    [Fact]
    public void WhenTextsOfAllShapesNameYears_ShouldMarkTheSameHeadingsAsTheWholeTrimmedLine()
    {
        string[] pieces = ["2019年", "二〇二〇年", "工作", "会议", " ", "　", "\t", "\r\n", "\n", "\n\n", "。", "，", "：", "三、", "报告", "在2022年全市纪检监察工作会议上的讲话", "               "];
        var random = new Random(69);
        var compared = 0;
        for (var t = 0; t < 3000; t++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var lines = text.AsSpan().Trim().Contains('\n');
            foreach (var mention in MetadataInference.YearMentions(text))
            {
                Assert.True(mention.InHeading == (lines && IsHeadingLineWhole(text, mention.Start)), $"{mention.Start} in \"{text.ReplaceLineEndings("⏎")}\"");
                compared++;
            }
        }

        Assert.True(compared > 10_000, $"{compared} years compared");
    }

    /// <summary>The reading before: the trimmed line holding the index, copied, short and ending without punctuation.</summary>
    private static bool IsHeadingLineWhole(string text, int index)
    {
        var start = index > 0 ? text.LastIndexOf('\n', index - 1) + 1 : 0;
        var end = text.IndexOf('\n', index);
        var line = text[start..(end < 0 ? text.Length : end)].Trim();
        return line.Length is > 0 and <= 30 && !"。！？；，：、.!?;,:".Contains(line[^1]);
    }
}
