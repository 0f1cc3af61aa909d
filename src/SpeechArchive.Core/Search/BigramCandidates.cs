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
    /// total — best first, at most <paramref name="limit"/>; <paramref name="accept"/> filters passages out. Found by MaxScore
    /// (<see cref="TopByMaxScore"/>); <paramref name="exhaustive"/>: by adding every posting of every key, the reference the
    /// tests hold that to.
    /// </summary>
    public static List<Candidate> Top(IndexSnapshot index, IReadOnlyList<long> keys, int limit, double minFraction, Func<int, bool>? accept = null,
        bool exhaustive = false)
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
        return exhaustive || !float.IsFinite(threshold) || threshold <= 0
            ? TopByAddingEvery(lists, weights, total, threshold, limit, accept)
            : TopByMaxScore(lists, weights, total, threshold, limit, accept);
    }

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
    /// MaxScore (Turtle and Flood): the keys in order of weight, the lightest whose weights together stay below what a
    /// passage needs — the threshold, and once the heap is full its weakest candidate — cannot make a candidate on their own;
    /// so only the passages of the other keys are visited, in passage order, and the light keys are looked up in them
    /// (galloping). A passage's weight is summed over its keys in the keys' order, as adding every posting sums it, so the
    /// candidates and their overlaps are the same to the bit.
    /// </summary>
    private static List<Candidate> TopByMaxScore(int[]?[] lists, float[] keyWeights, double total, float threshold, int limit, Func<int, bool>? accept)
    {
        var order = Enumerable.Range(0, lists.Length).Where(k => lists[k] is not null).OrderBy(k => keyWeights[k]).ThenBy(k => k).ToArray();
        var below = new double[order.Length + 1]; // below[i]: the weight of the i lightest keys together
        for (var i = 0; i < order.Length; i++)
        {
            below[i + 1] = below[i] + keyWeights[order[i]];
        }

        var heap = new PriorityQueue<int, (float, int)>(limit + 1);
        var primed = Prime(lists, keyWeights, order, threshold, limit, accept, heap);
        var (at, next) = (new int[lists.Length], 0);
        var held = new bool[lists.Length];
        var light = Light(below, heap.Count == limit && heap.TryPeek(out _, out var first) ? Math.Max(threshold, first.Item1) : threshold); // order[..light] cannot make a candidate alone
        while (light < order.Length)
        {
            var doc = int.MaxValue;
            for (var i = light; i < order.Length; i++)
            {
                var k = order[i];
                if (at[k] < lists[k]!.Length && lists[k]![at[k]] < doc)
                {
                    doc = lists[k]![at[k]];
                }
            }

            if (doc == int.MaxValue)
            {
                break;
            }

            double bound = below[light];
            for (var i = light; i < order.Length; i++)
            {
                var k = order[i];
                held[k] = at[k] < lists[k]!.Length && lists[k]![at[k]] == doc;
                if (held[k])
                {
                    at[k]++;
                    bound += keyWeights[k];
                }
            }

            if (primed is not null && (next = PostingsMath.Gallop(primed, next, doc)) < primed.Length && primed[next] == doc)
            {
                continue; // weighed before the walk
            }

            var needed = heap.Count == limit && heap.TryPeek(out _, out var weakest) ? Math.Max(threshold, weakest.Item1) : threshold;
            if (Below(bound, needed))
            {
                continue;
            }

            for (var i = 0; i < light; i++)
            {
                var k = order[i];
                at[k] = PostingsMath.Gallop(lists[k]!, at[k], doc);
                held[k] = at[k] < lists[k]!.Length && lists[k]![at[k]] == doc;
            }

            var w = 0f;
            for (var k = 0; k < lists.Length; k++)
            {
                if (lists[k] is not null && held[k])
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
            if (heap.Count == limit && heap.TryPeek(out _, out var now))
            {
                light = Math.Max(light, Light(below, Math.Max(threshold, now.Item1)));
            }
        }

        return Drain(heap, total);
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
        var at = new int[lists.Length];
        foreach (var doc in primed)
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

        return primed;
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
