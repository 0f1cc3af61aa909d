using System.Buffers;
using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

public static partial class MetadataInference
{
    /// <summary>How far into a text, and back from its end, a dateline is looked for.</summary>
    private const int DatelineWindow = 200;

    /// <summary>Longest line that is taken for a line of its own holding a date (——2024年3月5日在第十四届全国人民代表大会第二次会议上).</summary>
    private const int MaxDateLineLength = 40;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？!?；;");

    private static readonly SearchValues<char> NoteEnds = SearchValues.Create("。！？!?\n");

    /// <summary>
    /// The date a text carries as a dateline: a full date (年月日) set apart — in brackets, on a line of its own or opening one,
    /// or in a ※ note — under the title (before the body's first sentence ends, within the first 200 characters: （2020年11月21日，北京）,
    /// ——2024年3月5日在…上), else in the last 200 characters (a letter's date under its signature, ※这是…2015年11月23日在…的讲话,
    /// 《人民日报》（2020年09月23日 03 版）). The date at the top is the speech's own; the one at the end may be its publication.
    /// </summary>
    internal static YearDateline? FindDateline(string text)
    {
        var topEnd = TopEnd(text);
        foreach (Match m in FullDate().Matches(text[..topEnd]))
        {
            if (IsSetApart(text, m.Index, m.Length) && Dateline(m, atTop: true) is { } dateline)
            {
                return dateline;
            }
        }

        foreach (Match m in FullDate().Matches(text, Math.Max(topEnd, text.Length - DatelineWindow)))
        {
            if (IsSetApart(text, m.Index, m.Length) && Dateline(m, atTop: false) is { } dateline)
            {
                return dateline;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the title block ends: at the first sentence end, but for one ending the first line (a title may end with ！), at
    /// most 200 characters into the text.
    /// </summary>
    private static int TopEnd(string text)
    {
        var start = text.Length - text.AsSpan().TrimStart().Length;
        var limit = Math.Min(text.Length, start + DatelineWindow);
        var firstLineEnd = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
        for (var i = start; i < limit; i++)
        {
            if (SentenceEnds.Contains(text[i]) && !(i < firstLineEnd && text.AsSpan(i + 1, firstLineEnd - i - 1).IsWhiteSpace()))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>
    /// （2020年11月21日，北京）, a line 2020年5月17日 or ——2024年3月5日在…上 (not one that ends a sentence: 2020年1月7日，我主持召开…。),
    /// or ※这是…2015年11月23日在…时的讲话; never a deadline (2023年6月30日前).
    /// </summary>
    private static bool IsSetApart(string text, int index, int length)
    {
        if (TargetAfter().IsMatch(text.AsSpan(index + length)))
        {
            return false;
        }

        var before = text.AsSpan(0, index).TrimEnd(' ');
        if (before.Length > 0 && before[^1] is '（' or '(')
        {
            return true;
        }

        var note = before.LastIndexOf('※');
        if (note >= 0 && before.Length - note <= 40 && before[note..].IndexOfAny(NoteEnds) < 0)
        {
            return true;
        }

        var (lineStart, lineLength) = LineAt(text, index);
        var line = text.AsSpan(lineStart, lineLength);
        var lead = text.AsSpan(lineStart, index - lineStart).Trim(" 　—-");
        return line.Length <= MaxDateLineLength && !SentenceEnds.Contains(line[^1]) && (lead.Length == 0 || line.Length <= length + 10);
    }

    /// <summary>The dateline of a plausible date (1900 to this year), else null.</summary>
    private static YearDateline? Dateline(Match m, bool atTop) =>
        ParseYear(m) is var year and >= MinPlausibleYear && year <= DateTime.Today.Year
            ? new YearDateline(year, m.Value, atTop)
            : null;

    /// <summary>2020年11月21日, 2020年09月23日, 1 9 9 3 年3 月5 日, 一九四九年十月一日.</summary>
    [GeneratedRegex(YearPattern + " ?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2}) ?月 ?([0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3}) ?日")]
    private static partial Regex FullDate();
}
