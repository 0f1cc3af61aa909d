using System.Globalization;
using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

public static partial class MetadataInference
{
    private const int MinPlausibleYear = 1900;

    /// <summary>Beyond it a number before 年 is no calendar year (5000年文明 is a span of time).</summary>
    private const int MaxPlausibleYear = 2100;

    /// <summary>Longest line that is taken for a title or heading (三、2019年政府工作任务; 在2022年全市纪检监察工作会议上的讲话).</summary>
    private const int MaxHeadingLength = 30;

    /// <summary>
    /// The years from 1900 to 2100 a text names, in order, each with how it speaks of them: a year ahead of today is a target whatever
    /// its words, so a text is never dated after the day it is read.
    /// </summary>
    internal static List<YearMention> YearMentions(string text)
    {
        var mentions = new List<YearMention>();
        var thisYear = DateTime.Today.Year;
        var lines = text.AsSpan().Trim().Contains('\n'); // a text of one line (a flattened page) has no heading
        foreach (Match m in YearMention().Matches(text))
        {
            var year = ParseYear(m);
            if (year is < MinPlausibleYear or > MaxPlausibleYear)
            {
                continue;
            }

            var (start, end) = (m.Index, m.Index + m.Length);
            var heading = lines && IsHeadingLine(text, start);
            var kind = year > thisYear ? YearMentionKind.Target : KindOf(text, start, end, heading);
            mentions.Add(new YearMention(year, start, kind, heading));
        }

        return mentions;
    }

    private static YearMentionKind KindOf(string text, int start, int end, bool heading)
    {
        var before = text.AsSpan(0, start);
        var after = text.AsSpan(end);
        if (IsTarget(before, after))
        {
            return YearMentionKind.Target;
        }

        if (before.EndsWith("过去的") || before.EndsWith("去年（") || before.EndsWith("过去一年（")
            || LookedBackAfter().IsMatch(after))
        {
            return YearMentionKind.LookedBack;
        }

        if (before.EndsWith("今年（") || before.EndsWith("今年(") || after.StartsWith("（今年）") || (heading && NextLineOpensWithThisYear(after)))
        {
            return YearMentionKind.ThisYear;
        }

        return YearMentionKind.Dated;
    }

    /// <summary>
    /// 到2035年 (but not 增加到2012年的…, a change already made), 至2025年 (not 截至, 降至), the end of a span (2021—2025年,
    /// 一九七八——一九八五年, 从2013年到2018年), 力争于2030年, 将在2025年, 2030年前 (not 2020年前三季度), 2035年远景目标, 2030年议程:
    /// aims or bounds, not the present.
    /// </summary>
    private static bool IsTarget(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        if (before.Length > 0 && before[^1] is '到' or '至')
        {
            var verb = before.Length > 1 ? before[^2] : ' ';
            return !(verb == '截' || "加高升降长大少增减翻".Contains(verb));
        }

        var span = before.TrimEnd("—–-~～－");
        if (span.Length < before.Length && span.Length > 0 && (char.IsDigit(span[^1]) || "年〇零○一二三四五六七八九".Contains(span[^1])))
        {
            return true; // 2021—2025年, 一九七八——一九八五年: the end of a span
        }

        return TargetBefore().IsMatch(before) || TargetAfter().IsMatch(after);
    }

    /// <summary>A heading whose paragraph opens with 今年 (三、2019年政府工作任务 / 今年经济社会发展…; 做好今年…).</summary>
    private static bool NextLineOpensWithThisYear(ReadOnlySpan<char> after)
    {
        var newline = after.IndexOf('\n');
        if (newline < 0)
        {
            return false;
        }

        var next = after[(newline + 1)..].TrimStart();
        var opening = next[..Math.Min(next.Length, 6)];
        return opening.Contains("今年", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the line holding <paramref name="index"/>, trimmed, is short and ends without punctuation, as a title or heading
    /// does. Read out from the index and given up once it is longer than a heading: a flattened page is one line of a
    /// megabyte, and a year named in it thousands of times.
    /// </summary>
    private static bool IsHeadingLine(string text, int index)
    {
        int first = -1, last = -1; // the line's first and last characters other than white space found so far
        for (var i = index; i < text.Length && text[i] != '\n'; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                first = first < 0 ? i : first;
                last = i;
                if (last - first >= MaxHeadingLength)
                {
                    return false;
                }
            }
        }

        for (var i = index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                last = last < 0 ? i : last;
                first = i;
                if (last - first >= MaxHeadingLength)
                {
                    return false;
                }
            }
        }

        return first >= 0 && !"。！？；，：、.!?;,:".Contains(text[last]);
    }

    /// <summary>Where the line holding <paramref name="index"/> starts in the text, trimmed, and its trimmed length.</summary>
    private static (int Start, int Length) LineAt(string text, int index)
    {
        var start = index > 0 ? text.LastIndexOf('\n', index - 1) + 1 : 0;
        var end = text.IndexOf('\n', index);
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
        var trimmed = line.TrimStart();
        return (start + (line.Length - trimmed.Length), trimmed.TrimEnd().Length);
    }

    private static int ParseYear(Match m)
    {
        var year = 0;
        if (m.Groups["arabic"].Success)
        {
            foreach (var c in m.Groups["arabic"].ValueSpan)
            {
                if (c != ' ')
                {
                    year = (year * 10) + (c >= '０' ? c - '０' : c - '0');
                }
            }

            return year;
        }

        foreach (var c in m.Groups["chinese"].ValueSpan)
        {
            var digit = "一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) + 1; // 〇 零 ○ Ｏ O 0 ０ are 0
            year = (year * 10) + digit;
        }

        return year;
    }

    /// <summary>
    /// A year and its 年: 2022年, 2022 年, full-width １９８４年, spaced 1 9 9 3 年, 二〇二二年, 一九八○年, 二0一一年; not the last
    /// four digits of a longer number (12022年). The year is the text's own, however it is written.
    /// </summary>
    private const string YearPattern =
        "(?:(?<![0-9０-９] ?)(?<arabic>[0-9０-９]{4}|[0-9](?: [0-9]){3}) ?年" +
        "|(?<![〇零○Ｏ一二三四五六七八九十])(?<chinese>[一二][〇零○ＯO0０一二三四五六七八九]{3})年)";

    [GeneratedRegex(YearPattern)]
    private static partial Regex YearMention();

    /// <summary>力争2025年, 力争于2030年, 争取在…, 将在2025年, 将于…, 倡议在…, 计划在…, 预定于…: aimed at (争取一九五八年的新跃进 may be this year's).</summary>
    [GeneratedRegex("(力争(于|在)?|(争取|将|倡议|计划|预定|拟)(于|在))$")]
    private static partial Regex TargetBefore();

    /// <summary>2030年前 (not 2020年前三季度, 2020年前后), 2030年以前, 2025年底前, 2035年远景目标, 2020年的奋斗目标, 2030年议程.</summary>
    [GeneratedRegex("^(底|末)?(前(?![一二三四五六七八九十两几0-9０-９后])|以前|之前)|^(远景|愿景|目标|议程|可持续发展议程|的奋斗目标)")]
    private static partial Regex TargetAfter();

    /// <summary>2019年工作回顾, １９９６年国内工作的回顾: the heading over last year's review.</summary>
    [GeneratedRegex("^[^，。；：！？\n年0-9０-９]{0,6}回顾")]
    private static partial Regex LookedBackAfter();
}
