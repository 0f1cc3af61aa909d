using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// Candidate passages for fuzzy comparisons: passages that share the most Han bigrams with a text, each shared bigram
/// weighted by its rarity (idf), read straight from the postings. The cheap first stage before character alignment.
/// </summary>
internal static class BigramCandidates
{
    [ThreadStatic] private static float[]? scratch;
    [ThreadStatic] private static List<int>? touched;

    /// <summary>The distinct Han bigram keys of a match-form text, in order of first occurrence.</summary>
    public static List<long> KeysOf(string matchForm)
    {
        var keys = new List<long>(matchForm.Length);
        var seen = new HashSet<long>();
        for (var i = 0; i + 1 < matchForm.Length; i++)
        {
            var a = matchForm[i];
            var b = matchForm[i + 1];
            if (TextNormalizer.KindOf(a) == CharKind.Cjk && TextNormalizer.KindOf(b) == CharKind.Cjk)
            {
                var key = TermKey.Bigram(a, b);
                if (seen.Add(key))
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    /// <summary>The idf of a bigram in the snapshot (0 when it occurs nowhere).</summary>
    public static double Idf(IndexSnapshot index, long key)
    {
        var df = index.DocFrequency(key); // from the dictionary: comparing every passage must not decode every term's postings
        return df == 0 ? 0 : Math.Log(1 + (double)index.Passages.Count / df);
    }

    /// <summary>
    /// The passages sharing the most idf weight of <paramref name="keys"/> — at least <paramref name="minFraction"/> of the
    /// total — best first, at most <paramref name="limit"/>; <paramref name="accept"/> filters passages out, and when
    /// <paramref name="within"/> is given (sorted), it holds every passage <paramref name="accept"/> lets through. Found by
    /// WAND (<see cref="TopByWand"/>), or where that is cheaper by weighing each passage of <paramref name="within"/>;
    /// <paramref name="exhaustive"/>: by adding every posting of every key, the reference the tests hold those to.
    /// </summary>
    public static List<Candidate> Top(IndexSnapshot index, IReadOnlyList<long> keys, int limit, double minFraction, Func<int, bool>? accept = null,
        bool exhaustive = false, int[]? within = null)
    {
        var n = index.Passages.Count;
        if (n == 0 || keys.Count == 0 || limit <= 0)
        {
            return [];
        }

        var lists = new int[]?[keys.Count];
        var weights = new float[keys.Count];
        double total = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            if (index.Postings(keys[k]) is not { } postings)
            {
                total += Math.Log(1 + n); // a bigram nowhere in the archive still counts against every candidate
                continue;
            }

            lists[k] = postings.Docs;
            weights[k] = (float)Math.Log(1 + (double)n / postings.Docs.Length);
            total += weights[k];
        }

        var threshold = (float)(minFraction * total);
        if (exhaustive || !float.IsFinite(threshold) || threshold <= 0)
        {
            return TopByAddingEvery(lists, weights, total, threshold, limit, accept);
        }

        // A free-text clause's near matches are among the passages its words count, often a few hundred: looking each one up
        // in every key's postings is then cheaper than walking them (those of 建设 or 发展 hold hundreds of thousands). A
        // lookup gallops, so it costs several postings walked: measured at ×10, the walk wins below about eight to one.
        if (within is not null && (long)within.Length * keys.Count * WalkedPerLookup <= lists.Sum(l => (long)(l?.Length ?? 0)))
        {
            var heap = new PriorityQueue<int, (float, int)>(limit + 1);
            WeighEach(within, lists, weights, threshold, limit, accept, heap);
            return Drain(heap, total);
        }

        return TopByWand(lists, weights, total, threshold, limit, accept, lookUpLight: keys.Count < AllWalkedFrom);
    }

    /// <summary>
    /// From this many keys on, every key is walked (a passage's own keys bound it more tightly than the light keys' sum);
    /// below it the light keys are only looked up. Measured at ×10: a near match's 12–21 keys are found faster with the light
    /// keys looked up, a similar passage's 30–40 twice as fast with all walked.
    /// </summary>
    private const int AllWalkedFrom = 30;

    /// <summary>What looking a passage up in a key's postings costs, in postings walked (WAND's walk against weighing each passage).</summary>
    private const int WalkedPerLookup = 8;

    /// <summary>Every posting of every key added into a weight per passage; then the best of those reaching the threshold.</summary>
    private static List<Candidate> TopByAddingEvery(int[]?[] lists, float[] keyWeights, double total, float threshold, int limit, Func<int, bool>? accept)
    {
        var length = lists.Max(l => l is null || l.Length == 0 ? 0 : l[^1] + 1);
        var weights = scratch is { } s && s.Length >= length ? s : scratch = new float[Math.Max(length, 1024)];
        var docs = touched ??= [];
        docs.Clear();
        for (var k = 0; k < lists.Length; k++)
        {
            if (lists[k] is not { } list)
            {
                continue;
            }

            var w = keyWeights[k];
            foreach (var doc in list)
            {
                if (weights[doc] == 0)
                {
                    docs.Add(doc);
                }

                weights[doc] += w;
            }
        }

        var heap = new PriorityQueue<int, (float, int)>(limit + 1);
        foreach (var doc in docs)
        {
            var w = weights[doc];
            weights[doc] = 0;
            if (w < threshold || (accept is not null && !accept(doc)))
            {
                continue;
            }

            Offer(heap, doc, w, limit);
        }

        return Drain(heap, total);
    }

    /// <summary>
    /// WAND (Broder et al.), with <paramref name="lookUpLight"/> over the keys MaxScore (Turtle and Flood) walks: the lightest
    /// keys, whose weights together stay below what a passage needs — the threshold, and once the heap is full its weakest
    /// candidate — cannot make a candidate on their own, so they are only looked up (galloping) in the passages weighed. The
    /// other keys' passages (without <paramref name="lookUpLight"/>, every key's) are walked by a cursor each, the cursors kept
    /// in order of their passage; the pivot is the first cursor at which the light keys and the keys up to it together could
    /// weigh what a passage needs, so no passage before the pivot's can, and the cursors behind it skip to it (galloping).
    /// When all of them are there, that passage is weighed: summed over its keys in the keys' order, as adding every posting
    /// sums it, so the candidates and their overlaps are the same to the bit.
    /// </summary>
    private static List<Candidate> TopByWand(int[]?[] lists, float[] keyWeights, double total, float threshold, int limit, Func<int, bool>? accept,
        bool lookUpLight)
    {
        var order = Enumerable.Range(0, lists.Length).Where(k => lists[k] is not null).OrderBy(k => keyWeights[k]).ThenBy(k => k).ToArray();
        var below = new double[order.Length + 1]; // below[i]: the weight of the i lightest keys together
        for (var i = 0; i < order.Length; i++)
        {
            below[i + 1] = below[i] + keyWeights[order[i]];
        }

        var heap = new PriorityQueue<int, (float, int)>(limit + 1);
        var primed = Prime(lists, keyWeights, order, threshold, limit, accept, heap);
        var at = new int[lists.Length];
        var (light, lightFor) = (0, float.NegativeInfinity); // order[..light] are looked up only: together they weigh less than lightFor
        var live = order.Where(k => lists[k]!.Length > 0).OrderBy(k => lists[k]![0]).ToArray(); // the walked keys with passages left, by their cursor's passage
        var docs = live.Select(k => lists[k]![0]).ToArray(); // docs[i]: the passage live[i]'s cursor is at
        var count = live.Length;
        var next = 0;
        while (count > 0)
        {
            var needed = heap.Count == limit && heap.TryPeek(out _, out var weakest) ? Math.Max(threshold, weakest.Item1) : threshold;
            if (lookUpLight && needed > lightFor && Light(below, lightFor = needed) is var lighter && lighter > light)
            {
                light = lighter;
                count = Walked(live, docs, count, order.AsSpan(0, light));
                if (light == order.Length)
                {
                    break; // no key left can make a candidate
                }
            }

            var (pivot, bound) = (0, below[light]);
            while (pivot < count)
            {
                bound += keyWeights[live[pivot]];
                if (!Below(bound, needed))
                {
                    break;
                }

                pivot++;
            }

            if (pivot == count)
            {
                break; // every key left together cannot make a candidate
            }

            var doc = docs[pivot];
            var moved = 0;
            if (docs[0] != doc)
            {
                for (; moved < pivot && docs[moved] < doc; moved++)
                {
                    var k = live[moved];
                    at[k] = PostingsMath.Gallop(lists[k]!, at[k], doc);
                    docs[moved] = at[k] < lists[k]!.Length ? lists[k]![at[k]] : int.MaxValue;
                }

                count = Resort(live, docs, moved, count);
                continue;
            }

            var weighed = primed is not null && (next = PostingsMath.Gallop(primed, next, doc)) < primed.Length && primed[next] == doc;
            var w = 0f;
            for (var k = 0; k < lists.Length && !weighed; k++)
            {
                if (lists[k] is { } list && at[k] < list.Length && (at[k] = PostingsMath.Gallop(list, at[k], doc)) < list.Length && list[at[k]] == doc)
                {
                    w += keyWeights[k];
                }
            }

            for (; moved < count && docs[moved] == doc; moved++)
            {
                var k = live[moved];
                at[k] = PostingsMath.Gallop(lists[k]!, at[k], doc) + 1;
                docs[moved] = at[k] < lists[k]!.Length ? lists[k]![at[k]] : int.MaxValue;
            }

            count = Resort(live, docs, moved, count);
            if (weighed || w < threshold || (heap.Count == limit && heap.TryPeek(out _, out var last) && (w, -doc).CompareTo(last) < 0)
                || (accept is not null && !accept(doc)))
            {
                continue; // weighed before the walk, or not a candidate
            }

            Offer(heap, doc, w, limit);
        }

        return Drain(heap, total);
    }

    /// <summary>Drops the keys that became <paramref name="light"/> from the walked ones (keeping their order); how many are left.</summary>
    private static int Walked(int[] live, int[] docs, int count, ReadOnlySpan<int> light)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!light.Contains(live[i]))
            {
                (live[kept], docs[kept]) = (live[i], docs[i]);
                kept++;
            }
        }

        return kept;
    }

    /// <summary>How many of the lightest keys together weigh surely less than <paramref name="needed"/>.</summary>
    private static int Light(double[] below, float needed)
    {
        var light = 0;
        while (light + 1 < below.Length && Below(below[light + 1], needed))
        {
            light++;
        }

        return light;
    }

    /// <summary>
    /// Puts the first <paramref name="moved"/> cursors, moved forwards, back among the others (which stay in order) by their
    /// passage; the spent ones (<see cref="int.MaxValue"/>) dropped from the end. Returns how many are left.
    /// </summary>
    private static int Resort(int[] live, int[] docs, int moved, int count)
    {
        for (var i = moved - 1; i >= 0; i--)
        {
            var (k, doc) = (live[i], docs[i]);
            var j = i;
            for (; j + 1 < count && docs[j + 1] < doc; j++)
            {
                live[j] = live[j + 1];
                docs[j] = docs[j + 1];
            }

            (live[j], docs[j]) = (k, doc);
        }

        while (count > 0 && docs[count - 1] == int.MaxValue)
        {
            count--;
        }

        return count;
    }

    /// <summary>Passages of the rarest key weighed before the walk, at most this many (each looked up in every key's list).</summary>
    private const int PrimeAtMost = 8192;

    /// <summary>
    /// Weighs every passage of the rarest key in full (its keys looked up, galloping) and offers it to <paramref name="heap"/>
    /// before the walk: those passages are the likeliest candidates, so the heap's weakest — and with it the keys that cannot
    /// make a candidate alone — rises before the walk begins, not while it goes. Returns the passages weighed (the walk passes
    /// them over), or null when the rarest key holds too many.
    /// </summary>
    private static int[]? Prime(int[]?[] lists, float[] keyWeights, int[] order, float threshold, int limit, Func<int, bool>? accept,
        PriorityQueue<int, (float, int)> heap)
    {
        if (order.Length < 2 || lists[order[^1]]!.Length > PrimeAtMost)
        {
            return null;
        }

        var primed = lists[order[^1]]!;
        WeighEach(primed, lists, keyWeights, threshold, limit, accept, heap);
        return primed;
    }

    /// <summary>
    /// Weighs each of <paramref name="docs"/> (sorted) in full, its keys looked up (galloping) and its weight summed in the
    /// keys' order, and offers those reaching <paramref name="threshold"/> that <paramref name="accept"/> lets through.
    /// </summary>
    private static void WeighEach(int[] docs, int[]?[] lists, float[] keyWeights, float threshold, int limit, Func<int, bool>? accept,
        PriorityQueue<int, (float, int)> heap)
    {
        var at = new int[lists.Length];
        foreach (var doc in docs)
        {
            var w = 0f;
            for (var k = 0; k < lists.Length; k++)
            {
                if (lists[k] is { } list && at[k] < list.Length && (at[k] = PostingsMath.Gallop(list, at[k], doc)) < list.Length && list[at[k]] == doc)
                {
                    w += keyWeights[k];
                }
            }

            if (w < threshold || (heap.Count == limit && heap.TryPeek(out _, out var last) && (w, -doc).CompareTo(last) < 0)
                || (accept is not null && !accept(doc)))
            {
                continue;
            }

            Offer(heap, doc, w, limit);
        }
    }

    /// <summary>
    /// True when a passage whose keys weigh <paramref name="bound"/> (summed exactly) surely weighs less than
    /// <paramref name="needed"/> as a float sum: the margin covers the rounding of a float sum of a few hundred terms.
    /// </summary>
    private static bool Below(double bound, float needed) => bound * (1 + 1e-4) < needed;

    /// <summary>Min-heap on (weight, −passage): the weakest candidate is dropped first; among equals the later passage goes.</summary>
    private static void Offer(PriorityQueue<int, (float, int)> heap, int doc, float w, int limit)
    {
        heap.Enqueue(doc, (w, -doc));
        if (heap.Count > limit)
        {
            heap.Dequeue();
        }
    }

    private static List<Candidate> Drain(PriorityQueue<int, (float, int)> heap, double total)
    {
        var result = new List<Candidate>(heap.Count);
        while (heap.TryDequeue(out var doc, out var priority))
        {
            result.Add(new Candidate(doc, priority.Item1 / total));
        }

        result.Reverse();
        return result;
    }
}

/// <summary>A candidate passage and the share of the probe's bigram weight it holds (0–1).</summary>
internal readonly record struct Candidate(int Doc, double Overlap);
