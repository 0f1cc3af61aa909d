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
    /// total — best first, at most <paramref name="limit"/>; <paramref name="accept"/> filters passages out.
    /// </summary>
    public static List<Candidate> Top(IndexSnapshot index, IReadOnlyList<long> keys, int limit, double minFraction, Func<int, bool>? accept = null)
    {
        var n = index.Passages.Count;
        if (n == 0 || keys.Count == 0 || limit <= 0)
        {
            return [];
        }

        var weights = scratch is { } s && s.Length >= n ? s : scratch = new float[Math.Max(n, 1024)];
        var docs = touched ??= [];
        docs.Clear();
        double total = 0;
        foreach (var key in keys)
        {
            var postings = index.Postings(key);
            if (postings is null)
            {
                total += Math.Log(1 + n); // a bigram nowhere in the archive still counts against every candidate
                continue;
            }

            var list = postings.Value.Docs;
            var w = (float)Math.Log(1 + (double)n / list.Length);
            total += w;
            foreach (var doc in list)
            {
                if (weights[doc] == 0)
                {
                    docs.Add(doc);
                }

                weights[doc] += w;
            }
        }

        var threshold = (float)(minFraction * total);
        var heap = new PriorityQueue<int, (float, int)>(limit + 1);
        foreach (var doc in docs)
        {
            var w = weights[doc];
            weights[doc] = 0;
            if (w < threshold || (accept is not null && !accept(doc)))
            {
                continue;
            }

            // Min-heap on (weight, -doc): the weakest candidate is dropped first; among equals the later passage goes.
            heap.Enqueue(doc, (w, -doc));
            if (heap.Count > limit)
            {
                heap.Dequeue();
            }
        }

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
