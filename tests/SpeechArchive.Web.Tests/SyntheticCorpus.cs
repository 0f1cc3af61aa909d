using System.Globalization;
using System.Text;

namespace SpeechArchive.Web.Tests;

/// <summary>Generated speeches in the target genre, so a reindex takes long enough to overlap with requests, or so a view meets a century of years.</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Sentences =
    [
        "要坚持全面从严治党，把纪律和规矩挺在前面。",
        "严禁违规收送礼品礼金，不得公款吃喝。",
        "一年来，各级党组织认真落实主体责任，取得明显成效。",
        "作风建设永远在路上，必须持之以恒纠治四风。",
        "要加强警示教育，以案为鉴、以案促改。",
        "窗口单位要提升服务质量，让群众办事更便捷。",
    ];

    /// <summary>Writes <paramref name="count"/> speeches; a <paramref name="marker"/> (甲稿, 乙稿, …) ends every paragraph, so a search tells which version an index holds.</summary>
    public static void Write(string folder, int count, string? marker = null)
    {
        if (count <= 0)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var year = 2010 + (i % 14);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"在{year}年第{i + 1}次工作会议上的讲话\n\n同志们：\n");
            for (var section = 0; section < 3; section++)
            {
                sb.Append("一二三"[section]).Append("、第").Append(section + 1).Append("部分工作\n");
                for (var p = 0; p < 6; p++)
                {
                    for (var s = 0; s < 4; s++)
                    {
                        sb.Append(Sentences[(i + section + p + s) % Sentences.Length]);
                    }

                    sb.Append(marker).Append('\n');
                }
            }

            File.WriteAllText(Path.Combine(folder, $"{year}-meeting-{i:D4}.txt"), sb.ToString());
        }
    }

    /// <summary>The years of <see cref="WriteYears"/>'s archive: a few from the party's early decades, then every year from 1954 to 2025, as the shared sets span.</summary>
    public static IReadOnlyList<int> LongSpan { get; } = [1921, 1923, 1945, .. Enumerable.Range(1954, 2025 - 1954 + 1)];

    /// <summary>Writes one short speech for each of <paramref name="years"/>, named after its year, its paragraphs touching several themes.</summary>
    public static void WriteYears(string folder, IEnumerable<int> years)
    {
        Directory.CreateDirectory(folder);
        foreach (var year in years)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"在{year}年工作会议上的讲话\n\n同志们：\n");
            for (var p = 0; p < 4; p++)
            {
                for (var s = 0; s < 3; s++)
                {
                    sb.Append(Sentences[(year + p + s) % Sentences.Length]);
                }

                sb.Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, $"{year}-meeting.txt"), sb.ToString());
        }
    }
}
