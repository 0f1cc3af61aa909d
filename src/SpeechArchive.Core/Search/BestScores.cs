namespace SpeechArchive.Search;

/// <summary>
/// The positions of the best scores, as a <see cref="TopK"/> by relevance keeps them (higher score first, of equal scores the
/// lower position), found through a heap of their number: which they are (<see cref="Below"/>), or the few best in order
/// (<see cref="Top(double[], int, int)"/>).
/// </summary>
internal static class BestScores
{
    /// <summary>
    /// The positions (ascending) of the <paramref name="k"/> best of the first <paramref name="count"/> scores below
    /// <paramref name="ceiling"/>; all of them when there are no more than <paramref name="k"/>.
    /// </summary>
    public static int[] Below(double[] scores, int count, double ceiling, int k)
    {
        // Through a heap of k (a broad word's free text has hundreds of thousands of scores, of which a hundred are kept):
        // the positions below the ceiling go in while fewer than k are kept, then each replaces the worst kept when better.
        if (k <= 0)
        {
            return [];
        }

        var heap = new (int At, double Score)[Math.Min(k, count)];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            if (!(scores[i] < ceiling))
            {
                continue; // (at or above it, or not a number)
            }

            var next = (i, scores[i]);
            if (n < heap.Length)
            {
                heap[n] = next;
                SiftUp(heap, n++);
            }
            else if (Better(next, heap[0]))
            {
                heap[0] = next;
                SiftDown(heap, n);
            }
        }

        var kept = new int[n];
        for (var j = 0; j < n; j++)
        {
            kept[j] = heap[j].At;
        }

        Array.Sort(kept);
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
            SiftUp(heap, i);
        }

        for (var i = k; i < count; i++)
        {
            var next = (i, score(i));
            if (!Better(next, heap[0]))
            {
                continue;
            }

            heap[0] = next;
            SiftDown(heap, k);
        }

        Array.Sort(heap, static (a, b) => a.At == b.At ? 0 : Better(a, b) ? -1 : 1);
        best = heap[0].Score;
        return [.. heap.Select(h => h.At)];
    }

    /// <summary>Whether <paramref name="a"/> ranks above <paramref name="b"/>: a higher score, or the same and a lower position.</summary>
    private static bool Better((int At, double Score) a, (int At, double Score) b) => a.Score > b.Score || (a.Score == b.Score && a.At < b.At);

    /// <summary>Moves the entry at <paramref name="at"/> of <paramref name="heap"/> (the worst at the root) up to its place.</summary>
    private static void SiftUp((int At, double Score)[] heap, int at)
    {
        for (; at > 0 && Better(heap[(at - 1) / 2], heap[at]); at = (at - 1) / 2)
        {
            (heap[at], heap[(at - 1) / 2]) = (heap[(at - 1) / 2], heap[at]);
        }
    }

    /// <summary>Moves the new root of the first <paramref name="k"/> entries of <paramref name="heap"/> (the worst at the root) down to its place.</summary>
    private static void SiftDown((int At, double Score)[] heap, int k)
    {
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
                return;
            }

            (heap[at], heap[worst]) = (heap[worst], heap[at]);
            at = worst;
        }
    }
}
