namespace SpeechArchive.Search;

/// <summary>
/// The positions of the best scores, as a <see cref="TopK"/> by relevance keeps them (higher score first, of equal scores the
/// lower position), for a caller that needs only which they are, not their order: found by selection in linear time
/// rather than through a heap.
/// </summary>
internal static class BestScores
{
    /// <summary>
    /// The positions (ascending) of the <paramref name="k"/> best of the first <paramref name="count"/> scores below
    /// <paramref name="ceiling"/>; all of them when there are no more than <paramref name="k"/>.
    /// </summary>
    public static int[] Below(double[] scores, int count, double ceiling, int k)
    {
        var below = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (scores[i] < ceiling)
            {
                below.Add(i);
            }
        }

        if (below.Count <= k)
        {
            return [.. below];
        }

        if (k <= 0)
        {
            return [];
        }

        var values = new double[below.Count];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = scores[below[j]];
        }

        // The k-th highest score: all above it are kept, and of those equal to it the lowest positions, up to k in all.
        var edge = Select(values, values.Length - k);
        var above = 0;
        foreach (var value in values)
        {
            above += value > edge ? 1 : 0;
        }

        var kept = new int[k];
        var (n, ties) = (0, k - above);
        foreach (var i in below)
        {
            if (scores[i] > edge || (scores[i] == edge && ties-- > 0))
            {
                kept[n++] = i;
            }
        }

        return kept;
    }

    /// <summary>The value that would stand at <paramref name="nth"/> if <paramref name="values"/> were sorted ascending (reorders them).</summary>
    private static double Select(double[] values, int nth)
    {
        var (lo, hi) = (0, values.Length - 1);
        while (lo < hi)
        {
            // Three-way partition around the middle value, so runs of equal scores end the search at once.
            var pivot = values[lo + ((hi - lo) / 2)];
            var (lt, i, gt) = (lo, lo, hi);
            while (i <= gt)
            {
                if (values[i] < pivot)
                {
                    (values[lt], values[i]) = (values[i], values[lt]);
                    lt++;
                    i++;
                }
                else if (values[i] > pivot)
                {
                    (values[gt], values[i]) = (values[i], values[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (nth < lt)
            {
                hi = lt - 1;
            }
            else if (nth > gt)
            {
                lo = gt + 1;
            }
            else
            {
                return pivot;
            }
        }

        return values[nth];
    }
}
