namespace SpeechArchive.Search;

/// <summary>A snippet around given marked ranges (for hits found by alignment rather than by the query's words).</summary>
public static class MarkedSnippet
{
    /// <summary>About <paramref name="length"/> characters of text[from..to) around the first range, escaped, ranges in &lt;mark&gt;.</summary>
    public static string Build(ReadOnlySpan<char> text, int from, int to, IReadOnlyList<(int Start, int End)> marks, int length = 160)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var start = from;
        var end = to;
        if (to - from > length)
        {
            var anchor = marks.Count > 0 ? marks[0].Start : from;
            start = Math.Max(from, anchor - (length / 3));
            end = Math.Min(to, start + length);
            start = Math.Max(from, end - length);
        }

        return SnippetBuilder.Render(text, start, end, marks, start > from, end < to);
    }
}
