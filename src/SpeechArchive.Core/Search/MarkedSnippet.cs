namespace SpeechArchive.Search;

/// <summary>A snippet around given marked ranges (for hits found by alignment rather than by the query's words).</summary>
public static class MarkedSnippet
{
    /// <summary>
    /// About <paramref name="length"/> characters of text[from..to), escaped, ranges (sorted) in &lt;mark&gt;: the window that
    /// shows the most of them, each counted by its length squared, so a phrase held as written (农村税费改革试点) outweighs its
    /// words scattered before it (改革, 试点); of windows showing as much, the first. With <paramref name="concepts"/> (per mark,
    /// the bits of the query's words it shows: a word with its thesaurus terms one bit), the window showing the most of the
    /// query's words comes first: 青年 with 就业, not 就业 five times.
    /// </summary>
    public static string Build(ReadOnlySpan<char> text, int from, int to, IReadOnlyList<(int Start, int End)> marks, int length = 160,
        IReadOnlyList<ulong>? concepts = null)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var start = from;
        var end = to;
        if (to - from > length)
        {
            var (best, bestShown, bestWeight) = (from, -1, -1L);
            var first = 0; // the windows move right with their anchors: marks ending before one end before the next
            foreach (var mark in marks)
            {
                var (windowStart, windowEnd) = Window(from, to, mark.Start, length);
                while (first < marks.Count && marks[first].End <= windowStart)
                {
                    first++;
                }

                var weight = 0L;
                var words = 0UL;
                for (var i = first; i < marks.Count && marks[i].Start < windowEnd; i++)
                {
                    var shown = Math.Min(marks[i].End, windowEnd) - Math.Max(marks[i].Start, windowStart);
                    weight += shown > 0 ? (long)shown * shown : 0;
                    words |= shown > 0 && concepts is not null ? concepts[i] : 0;
                }

                var wordsShown = System.Numerics.BitOperations.PopCount(words);
                if (wordsShown > bestShown || (wordsShown == bestShown && weight > bestWeight))
                {
                    (best, bestShown, bestWeight) = (mark.Start, wordsShown, weight);
                }
            }

            (start, end) = Whole(marks, Window(from, to, marks.Count > 0 ? best : from, length));
            if (concepts is not null && length > 2 * AsideLength && Aside(text, from, to, marks, concepts, best, length, (start, end)) is { } twoPieces)
            {
                return twoPieces;
            }
        }

        return SnippetBuilder.Render(text, start, end, marks, start > from, end < to);
    }

    /// <summary>How many characters the piece around a word the window leaves out takes, and how many of them precede the word.</summary>
    private const int AsideLength = 40;

    private const int AsideLead = 12;

    /// <summary>
    /// Where <paramref name="window"/> leaves out a word of the query the passage holds (青年 at the end of a passage on 就业): the
    /// window, made shorter, and a short piece around that word's first occurrence, apart, rendered with an ellipsis between
    /// them (one window where they touch), so every word the passage holds shows why it was found. Null (the window as it is)
    /// where it shows every word, or where the shorter window would lose a word it showed.
    /// </summary>
    private static string? Aside(ReadOnlySpan<char> text, int from, int to, IReadOnlyList<(int Start, int End)> marks, IReadOnlyList<ulong> concepts,
        int anchor, int length, (int Start, int End) window)
    {
        var shown = Shown(marks, concepts, window.Start, window.End);
        var missing = -1;
        for (var i = 0; i < marks.Count && missing < 0; i++)
        {
            missing = (concepts[i] & ~shown) != 0 && (marks[i].End <= window.Start || marks[i].Start >= window.End) ? i : -1;
        }

        var (start, end) = Whole(marks, Window(from, to, anchor, length - AsideLength));
        if (missing < 0 || Shown(marks, concepts, start, end) != shown)
        {
            return null;
        }

        var (asideStart, asideEnd) = Whole(marks, Window(from, to, marks[missing].Start + (AsideLength / 3) - AsideLead, AsideLength));
        return asideStart > end
            ? SnippetBuilder.Render(text, start, end, marks, start > from) + "…" + SnippetBuilder.Render(text, asideStart, asideEnd, marks, trailingEllipsis: asideEnd < to)
            : asideEnd < start
            ? SnippetBuilder.Render(text, asideStart, asideEnd, marks, asideStart > from) + "…" + SnippetBuilder.Render(text, start, end, marks, trailingEllipsis: end < to)
            : SnippetBuilder.Render(text, Math.Min(start, asideStart), Math.Max(end, asideEnd), marks, Math.Min(start, asideStart) > from, Math.Max(end, asideEnd) < to); // they touch: one window
    }

    /// <summary>The words of the query the marks within [start, end) show.</summary>
    private static ulong Shown(IReadOnlyList<(int Start, int End)> marks, IReadOnlyList<ulong> concepts, int start, int end)
    {
        var shown = 0UL;
        for (var i = 0; i < marks.Count; i++)
        {
            shown |= marks[i].End > start && marks[i].Start < end ? concepts[i] : 0;
        }

        return shown;
    }

    /// <summary>The longest mark a window's edge is moved to show whole (a word or phrase; a sentence marked for a filter is cut).</summary>
    private const int LongestWholeMark = 16;

    /// <summary>
    /// <paramref name="window"/> widened so that no mark of up to <see cref="LongestWholeMark"/> characters is cut at its edges:
    /// a window starting inside 党风廉政建设 showed …&lt;mark&gt;风廉政建设&lt;/mark&gt;, half a word marked as if the query had asked it.
    /// </summary>
    private static (int Start, int End) Whole(IReadOnlyList<(int Start, int End)> marks, (int Start, int End) window)
    {
        var (start, end) = window;
        foreach (var (markStart, markEnd) in marks)
        {
            if (markEnd - markStart <= LongestWholeMark)
            {
                start = markStart < start && markEnd > start ? markStart : start;
                end = markStart < end && markEnd > end ? markEnd : end;
            }
        }

        return (start, end);
    }

    /// <summary>The window of <paramref name="length"/> characters within [from, to) that begins a third of its length before <paramref name="anchor"/>.</summary>
    private static (int Start, int End) Window(int from, int to, int anchor, int length)
    {
        var start = Math.Max(from, anchor - (length / 3));
        var end = Math.Min(to, start + length);
        return (Math.Max(from, end - length), end);
    }
}
