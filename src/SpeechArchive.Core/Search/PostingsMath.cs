namespace SpeechArchive.Search;

/// <summary>Set operations on sorted id arrays.</summary>
internal static class PostingsMath
{
    /// <summary>Intersects sorted arrays, shortest first, galloping through the longer ones.</summary>
    public static int[] Intersect(IReadOnlyList<int[]> lists)
    {
        if (lists.Count == 0)
        {
            return [];
        }

        var ordered = lists.OrderBy(l => l.Length).ToArray();
        var result = ordered[0];
        for (var k = 1; k < ordered.Length && result.Length > 0; k++)
        {
            result = Intersect(result, ordered[k]);
        }

        return result;
    }

    /// <summary>How many ids all the sorted arrays hold, counting no further than <paramref name="atMost"/>.</summary>
    public static int CountTogether(IReadOnlyList<int[]> lists, int atMost)
    {
        if (lists.Count == 0)
        {
            return 0;
        }

        var ordered = lists.OrderBy(l => l.Length).ToArray();
        var at = new int[ordered.Length];
        var count = 0;
        foreach (var doc in ordered[0])
        {
            var all = true;
            for (var k = 1; k < ordered.Length && all; k++)
            {
                at[k] = Gallop(ordered[k], at[k], doc);
                if (at[k] >= ordered[k].Length)
                {
                    return count;
                }

                all = ordered[k][at[k]] == doc;
            }

            if (all && ++count >= atMost)
            {
                return count;
            }
        }

        return count;
    }

    /// <summary>The union of sorted arrays, sorted (one array: itself, not copied).</summary>
    public static int[] Union(IReadOnlyList<int[]> lists)
    {
        var result = lists.Count == 0 ? [] : lists[0];
        for (var k = 1; k < lists.Count; k++)
        {
            var (a, b) = (result, lists[k]);
            var merged = new int[a.Length + b.Length];
            int i = 0, j = 0, n = 0;
            while (i < a.Length || j < b.Length)
            {
                var next = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
                i += i < a.Length && a[i] == next ? 1 : 0;
                j += j < b.Length && b[j] == next ? 1 : 0;
                merged[n++] = next;
            }

            result = merged[..n];
        }

        return result;
    }

    private static int[] Intersect(int[] small, int[] large)
    {
        var output = new List<int>(small.Length);
        var from = 0;
        foreach (var doc in small)
        {
            var at = Gallop(large, from, doc);
            if (at >= large.Length)
            {
                break;
            }

            if (large[at] == doc)
            {
                output.Add(doc);
            }

            from = at;
        }

        return output.ToArray();
    }

    /// <summary>First index ≥ from whose value is ≥ target.</summary>
    public static int Gallop(int[] array, int from, int target)
    {
        var step = 1;
        var hi = from;
        while (hi < array.Length && array[hi] < target)
        {
            from = hi + 1;
            hi += step;
            step <<= 1;
        }

        hi = Math.Min(hi, array.Length - 1);
        var lo = from;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (array[mid] < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
