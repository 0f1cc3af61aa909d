using Microsoft.AspNetCore.Html;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A message in Chinese with its English gloss in brackets at the end (查询过长…。(query too long: …)), as the engine and the
/// API word their errors and the indexer its warnings and failures: on a page the gloss is marked <c>lang="en"</c>, so a
/// screen reader reads it in English, not as Chinese letters, and the Chinese it quotes (unknown org '人设局', a licence
/// notice's opening, an uploaded file's name) <c>lang="zh-CN"</c> within it. Several such messages joined with ； (an
/// upload's notes) have each gloss marked. A message without a gloss is written as it is; all of it is HTML-encoded.
/// </summary>
internal static class Bilingual
{
    private const string Chinese = "zh-CN";

    public static IHtmlContent Html(string? message)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(message))
        {
            return html;
        }

        var at = 0;
        foreach (var (start, end) in Glosses(message))
        {
            html.Append(message[at..start]).AppendHtml("<span lang=\"en\">"); // text is encoded by the page's encoder when written
            var from = start;
            foreach (var (runStart, runEnd) in ChineseRuns(message, start, end))
            {
                html.Append(message[from..runStart]).AppendHtml($"<span lang=\"{Chinese}\">").Append(message[runStart..runEnd]).AppendHtml("</span>");
                from = runEnd;
            }

            html.Append(message[from..end]).AppendHtml("</span>");
            at = end;
        }

        return html.Append(message[at..]);
    }

    /// <summary>Where the gloss that ends the message begins, or null when it ends in none.</summary>
    internal static int? GlossStart(string message) =>
        Glosses(message) is { Count: > 0 } glosses && glosses[^1].End == message.Length ? glosses[^1].Start : null;

    /// <summary>
    /// The glosses, in order: each a bracket that ends the message or one of the messages joined with ；, after some text, and
    /// mostly English (<see cref="MostlyEnglish"/>: a bracket of Chinese, or of a number, is no gloss).
    /// </summary>
    internal static List<(int Start, int End)> Glosses(string message)
    {
        var found = new List<(int Start, int End)>();
        var limit = message.Length; // glosses are taken from the end: one inside a later one is part of it
        for (var end = message.Length; end > 0; end = message.LastIndexOf('；', end - 1))
        {
            if (end <= limit && message[end - 1] == ')' && Opening(message, end - 1) is int start && start > 0
                && MostlyEnglish(message, start, end))
            {
                found.Add((start, end));
                limit = start;
            }
        }

        found.Reverse();
        return found;
    }

    /// <summary>The '(' that the ')' at <paramref name="close"/> closes, brackets inside counted; null when there is none.</summary>
    private static int? Opening(string message, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            depth += message[i] == ')' ? 1 : message[i] == '(' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the bracket [start, end) holds more Latin letters than Chinese characters, those it quotes ('…') left out: a
    /// long title quoted (MANIFEST.tsv gave '全面提高依法防控…') does not make a gloss Chinese.
    /// </summary>
    private static bool MostlyEnglish(string message, int start, int end)
    {
        var letters = 0;
        for (var i = start; i < end; i++)
        {
            letters += char.IsAsciiLetter(message[i]) ? 1 : 0;
        }

        var han = CountHan(message.AsSpan(start, end - start));
        foreach (var (runStart, runEnd) in ChineseRuns(message, start, end))
        {
            han -= message[runStart - 1] is '\'' or '"' ? CountHan(message.AsSpan(runStart, runEnd - runStart)) : 0;
        }

        return letters > han;
    }

    /// <summary>
    /// The Chinese a gloss in [start, end) quotes: each a run from a non-ASCII character to the last one before a Latin letter
    /// or a quotation mark, holding a Chinese character (本作品来自1949年10月1日（含）之后… is one run; an ellipsis or × alone is none).
    /// </summary>
    private static IEnumerable<(int Start, int End)> ChineseRuns(string message, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (message[i] <= '\x7f')
            {
                continue;
            }

            var last = i;
            for (var j = i + 1; j < end && !char.IsAsciiLetter(message[j]) && message[j] is not ('\'' or '"'); j++)
            {
                last = message[j] > '\x7f' ? j : last;
            }

            if (CountHan(message.AsSpan(i, last + 1 - i)) > 0)
            {
                yield return (i, last + 1);
            }

            i = last;
        }
    }

    private static int CountHan(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += IsHan(c) ? 1 : 0;
        }

        return count;
    }

    private static bool IsHan(char c) => c is (>= '\u3400' and <= '\u9fff') or (>= '\uf900' and <= '\ufaff');
}
