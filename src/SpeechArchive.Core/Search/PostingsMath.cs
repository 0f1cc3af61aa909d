namespace SpeechArchive.Search;

/// <summary>Set operations on sorted id arrays.</summary>
internal static class PostingsMath
{
    /// <summary>
    /// Intersects sorted arrays in one pass (leapfrog): the shortest's next passage is looked for in each longer one by
    /// galloping, and a longer one's next passage past it becomes the one to look for, so no array is walked further than
    /// the others allow and no intermediate result is made.
    /// </summary>
    public static int[] Intersect(IReadOnlyList<int[]> lists)
    {
        if (lists.Count == 0)
        {
            return [];
        }

        var ordered = lists.OrderBy(l => l.Length).ToArray();
        if (ordered.Length == 1 || ordered[0].Length == 0)
        {
            return ordered[0];
        }

        var output = new int[ordered[0].Length];
        return output[..Leapfrog(ordered, output, int.MaxValue)];
    }

    /// <summary>How many ids all the sorted arrays hold, counting no further than <paramref name="atMost"/> (nothing is allocated per id).</summary>
    public static int CountTogether(IReadOnlyList<int[]> lists, int atMost) =>
        lists.Count == 0 ? 0 : Leapfrog([.. lists.OrderBy(l => l.Length)], null, atMost);

    /// <summary>The leapfrog pass of <see cref="Intersect"/> over arrays shortest first: the ids found, written to <paramref name="output"/> when given, until <paramref name="atMost"/>.</summary>
    private static int Leapfrog(int[][] ordered, int[]? output, int atMost)
    {
        if (ordered[0].Length == 0 || atMost <= 0)
        {
            return 0;
        }

        var at = new int[ordered.Length];
        var n = 0;
        var target = ordered[0][0];
        while (true)
        {
            var step = Align(ordered, at, ref target);
            if (step < 0)
            {
                return n;
            }

            if (step > 0)
            {
                if (output is not null)
                {
                    output[n] = target;
                }

                if (++n >= atMost || ++at[0] >= ordered[0].Length)
                {
                    return n;
                }

                target = ordered[0][at[0]];
            }
        }
    }

    /// <summary>
    /// One leapfrog step: each array (from <paramref name="at"/>) galloped to <paramref name="target"/>. 1 when all hold it;
    /// 0 when one holds a larger id first (the new target: nothing before it can be in every array); −1 when one is spent.
    /// </summary>
    private static int Align(int[][] ordered, int[] at, ref int target)
    {
        for (var k = 0; k < ordered.Length; k++)
        {
            var list = ordered[k];
            var j = at[k] = Gallop(list, at[k], target);
            if (j >= list.Length)
            {
                return -1;
            }

            if (list[j] != target)
            {
                target = list[j];
                return 0;
            }
        }

        return 1;
    }

    /// <summary>
    /// The ids all the sorted arrays hold, ascending, one at a time (the leapfrog pass of <see cref="Intersect"/>, lazily):
    /// a caller that stops early has walked the arrays only as far as the ids it took.
    /// </summary>
    public static IEnumerable<int> Together(IReadOnlyList<int[]> lists)
    {
        var ordered = lists.OrderBy(l => l.Length).ToArray();
        if (ordered.Length == 0 || ordered[0].Length == 0)
        {
            yield break;
        }

        var at = new int[ordered.Length];
        var target = ordered[0][0];
        while (true)
        {
            var step = Align(ordered, at, ref target);
            if (step < 0)
            {
                yield break;
            }

            if (step > 0)
            {
                yield return target;
                if (++at[0] >= ordered[0].Length)
                {
                    yield break;
                }

                target = ordered[0][at[0]];
            }
        }
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

    /// <summary>The values of sorted <paramref name="from"/> not in sorted <paramref name="without"/>, sorted.</summary>
    public static int[] Except(int[] from, int[] without)
    {
        var kept = new int[from.Length];
        var (n, at) = (0, 0);
        foreach (var value in from)
        {
            at = Gallop(without, at, value);
            if (at >= without.Length || without[at] != value)
            {
                kept[n++] = value;
            }
        }

        return n == kept.Length ? kept : kept[..n];
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
