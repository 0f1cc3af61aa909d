namespace SpeechArchive.Web.Presentation;

/// <summary>
/// The page numbers a pager shows: the first, the last and <see cref="Around"/> either side of the current one, in order,
/// with <see cref="Gap"/> where an ellipsis stands for the pages between. An ellipsis takes as much room as a number, so it
/// stands only for two pages or more; a single page between two shown ones is shown as its number (1 2 3 4 5 6 on page 2
/// of 6, not 1 2 3 4 … 6 with … for page 5 alone).
/// </summary>
internal static class PagerPages
{
    /// <summary>How many pages either side of the current one are shown.</summary>
    public const int Around = 2;

    /// <summary>Stands for an ellipsis in the list <see cref="For"/> gives: no page is numbered 0.</summary>
    public const int Gap = 0;

    /// <summary>The numbers to show for page <paramref name="current"/> of <paramref name="count"/>, <see cref="Gap"/> for each ellipsis.</summary>
    public static IReadOnlyList<int> For(int current, int count)
    {
        var shown = new SortedSet<int> { 1, Math.Max(1, count) };
        for (var p = Math.Max(1, current - Around); p <= Math.Min(count, current + Around); p++)
        {
            shown.Add(p);
        }

        var items = new List<int>(shown.Count + 2);
        var last = 0;
        foreach (var p in shown)
        {
            if (p == last + 2)
            {
                items.Add(last + 1); // one page hidden: its number takes no more room than an ellipsis would
            }
            else if (p > last + 2)
            {
                items.Add(Gap);
            }

            items.Add(p);
            last = p;
        }

        return items;
    }
}
