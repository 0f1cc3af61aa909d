namespace SpeechArchive.Search;

/// <summary>
/// The positions of the best scores, as a <see cref="TopK"/> by relevance keeps them (higher score first, of equal scores the
/// lower position): which they are, found by selection in linear time (<see cref="Below"/>), or the few best in order,
/// through a heap of their number (<see cref="Top(double[], int, int)"/>).
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

    /// <summary>
    /// The positions of the <paramref name="k"/> best of the first <paramref name="count"/> scores, best first (of equal scores
    /// the lower position first): one pass keeping them in a heap of <paramref name="k"/>, so a word of a hundred thousand
    /// passages allocates and sorts <paramref name="k"/> positions, not all of them.
    /// </summary>
    public static int[] Top(double[] scores, int count, int k) => Top(i => scores[i], count, k, out _);

    /// <summary>As <see cref="Top(double[], int, int)"/> over scores made one position at a time (each made once), with the best of them (0 when none).</summary>
    public static int[] Top(Func<int, double> score, int count, int k, out double best)
    {
        k = Math.Min(k, count);
        if (k <= 0)
        {
            best = 0;
            return [];
        }

        var heap = new (int At, double Score)[k]; // the worst kept at the root
        for (var i = 0; i < k; i++)
        {
            heap[i] = (i, score(i));
            for (var at = i; at > 0 && Better(heap[(at - 1) / 2], heap[at]); at = (at - 1) / 2)
            {
                (heap[at], heap[(at - 1) / 2]) = (heap[(at - 1) / 2], heap[at]);
            }
        }

        for (var i = k; i < count; i++)
        {
            var next = (i, score(i));
            if (!Better(next, heap[0]))
            {
                continue;
            }

            heap[0] = next;
            for (var at = 0; ;)
            {
                var (left, worst) = ((2 * at) + 1, at);
                if (left < k && Better(heap[worst], heap[left]))
                {
                    worst = left;
                }

                if (left + 1 < k && Better(heap[worst], heap[left + 1]))
                {
                    worst = left + 1;
                }

                if (worst == at)
                {
                    break;
                }

                (heap[at], heap[worst]) = (heap[worst], heap[at]);
                at = worst;
            }
        }

        Array.Sort(heap, static (a, b) => a.At == b.At ? 0 : Better(a, b) ? -1 : 1);
        best = heap[0].Score;
        return [.. heap.Select(h => h.At)];
    }

    /// <summary>Whether <paramref name="a"/> ranks above <paramref name="b"/>: a higher score, or the same and a lower position.</summary>
    private static bool Better((int At, double Score) a, (int At, double Score) b) => a.Score > b.Score || (a.Score == b.Score && a.At < b.At);

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
