namespace SpeechArchive.Search;

/// <summary>A snippet around given marked ranges (for hits found by alignment rather than by the query's words).</summary>
public static class MarkedSnippet
{
    /// <summary>
    /// About <paramref name="length"/> characters of text[from..to), escaped, ranges (sorted) in &lt;mark&gt;: the window that
    /// shows the most of them, each counted by its length squared, so a phrase held as written (农村税费改革试点) outweighs its
    /// words scattered before it (改革, 试点); of windows showing as much, the first.
    /// </summary>
    public static string Build(ReadOnlySpan<char> text, int from, int to, IReadOnlyList<(int Start, int End)> marks, int length = 160)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var start = from;
        var end = to;
        if (to - from > length)
        {
            var (best, bestWeight) = (from, -1L);
            var first = 0; // the windows move right with their anchors: marks ending before one end before the next
            foreach (var mark in marks)
            {
                var (windowStart, windowEnd) = Window(from, to, mark.Start, length);
                while (first < marks.Count && marks[first].End <= windowStart)
                {
                    first++;
                }

                var weight = 0L;
                for (var i = first; i < marks.Count && marks[i].Start < windowEnd; i++)
                {
                    var shown = Math.Min(marks[i].End, windowEnd) - Math.Max(marks[i].Start, windowStart);
                    weight += shown > 0 ? (long)shown * shown : 0;
                }

                if (weight > bestWeight)
                {
                    (best, bestWeight) = (mark.Start, weight);
                }
            }

            (start, end) = Window(from, to, marks.Count > 0 ? best : from, length);
        }

        return SnippetBuilder.Render(text, start, end, marks, start > from, end < to);
    }

    /// <summary>The window of <paramref name="length"/> characters within [from, to) that begins a third of its length before <paramref name="anchor"/>.</summary>
    private static (int Start, int End) Window(int from, int to, int anchor, int length)
    {
        var start = Math.Max(from, anchor - (length / 3));
        var end = Math.Min(to, start + length);
        return (Math.Max(from, end - length), end);
    }
}
