namespace SpeechArchive.Documents;

/// <summary>
/// Refuses, before Markdig sees it, Markdown of the shapes on which Markdig's parser goes superlinear (measured on Markdig
/// 1.6: a 600 KB line of <c>[](</c> takes nine minutes, 200,000 reference definitions over three, a list nested one level
/// deeper per line ten seconds per megabyte): nesting deeper than <see cref="MaxNesting"/>, '[' on long lines beyond
/// <see cref="MaxBracketWork"/>, more than <see cref="MaxReferenceDefinitions"/> reference definitions or
/// <see cref="MaxSetextUnderlines"/> setext underlines. Speeches come nowhere near these limits. One linear pass.
/// </summary>
internal static class MarkdownGuard
{
    /// <summary>Quote markers, list markers and indentation (two columns a level) in front of one line.</summary>
    public const int MaxNesting = 32;

    /// <summary>Sum over lines of '[' count times line length: each '[' may scan the rest of its line for a link.</summary>
    public const long MaxBracketWork = 20_000_000;

    public const int MaxReferenceDefinitions = 1_000;

    public const int MaxSetextUnderlines = 1_000;

    /// <summary>Why <paramref name="markdown"/> is refused, naming the file line (the body starts at <paramref name="firstLine"/>), or null.</summary>
    public static string? Check(string markdown, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        long bracketWork = 0;
        int definitions = 0, underlines = 0, start = 0;
        var previousBlank = true;
        for (var line = firstLine; ; line++)
        {
            var end = markdown.IndexOf('\n', start);
            var text = markdown.AsSpan(start, (end < 0 ? markdown.Length : end) - start);
            var blank = text.IsWhiteSpace();
            if (Nesting(text) > MaxNesting)
            {
                return $"第 {line} 行：Markdown 嵌套超过 {MaxNesting} 层 (Markdown nested deeper than {MaxNesting} levels at line {line})";
            }

            bracketWork += (long)text.Count('[') * text.Length;
            if (bracketWork > MaxBracketWork)
            {
                return $"第 {line} 行：长行中的“[”过多，无法在合理时间内解析 (Markdown has too many '[' on long lines to parse in reasonable time (at line {line}))";
            }

            if (IsReferenceDefinition(text) && ++definitions > MaxReferenceDefinitions)
            {
                return $"第 {line} 行：链接引用定义超过 {MaxReferenceDefinitions} 个 (Markdown has more than {MaxReferenceDefinitions} link reference definitions (at line {line}))";
            }

            if (!previousBlank && IsSetextUnderline(text) && ++underlines > MaxSetextUnderlines)
            {
                return $"第 {line} 行：标题下划线超过 {MaxSetextUnderlines} 个 (Markdown has more than {MaxSetextUnderlines} setext heading underlines (at line {line}))";
            }

            previousBlank = blank;
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return null;
    }

    /// <summary>Levels a line's prefix opens: each '&gt;' or list marker is one, indentation one per two columns.</summary>
    internal static int Nesting(ReadOnlySpan<char> line)
    {
        int markers = 0, columns = 0, i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                columns++;
            }
            else if (c == '\t')
            {
                columns += 4 - (columns % 4);
            }
            else if (c == '>')
            {
                markers++;
            }
            else if (c is '-' or '*' or '+' && FollowedBySpace(line, i + 1))
            {
                markers++;
            }
            else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(line, i) is int markerEnd)
            {
                markers++;
                i = markerEnd;
            }
            else
            {
                break;
            }

            i++;
        }

        return markers + columns / 2;
    }

    private static bool FollowedBySpace(ReadOnlySpan<char> line, int i) => i >= line.Length || line[i] is ' ' or '\t';

    /// <summary>The index of the '.' or ')' closing an ordered-list marker of 1–9 digits that starts at <paramref name="i"/>, or null.</summary>
    private static int? OrderedMarkerEnd(ReadOnlySpan<char> line, int i)
    {
        var j = i;
        while (j < line.Length && j - i < 9 && char.IsAsciiDigit(line[j]))
        {
            j++;
        }

        return j < line.Length && line[j] is '.' or ')' && FollowedBySpace(line, j + 1) ? j : null;
    }

    private static bool IsReferenceDefinition(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 4 || trimmed[0] != '[')
        {
            return false;
        }

        var close = trimmed.IndexOf("]:", StringComparison.Ordinal);
        return close > 1;
    }

    private static bool IsSetextUnderline(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim(' ');
        if (line.Length - line.TrimStart(' ').Length > 3 || trimmed.Length == 0 || trimmed[0] is not ('=' or '-'))
        {
            return false;
        }

        return !trimmed.ContainsAnyExcept(trimmed[0]);
    }
}
