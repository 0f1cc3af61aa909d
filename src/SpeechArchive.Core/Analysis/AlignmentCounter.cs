namespace SpeechArchive.Analysis;

/// <summary>
/// Counts, for each of a list of words, its occurrences that agree with a segmentation: they do not cut across a token
/// (a word may hold whole tokens or lie inside one, but not begin inside one token and end inside another).
/// 识和 in 知识|和 cuts 知识; 发展 inside 经济发展 agrees.
/// </summary>
internal static class AlignmentCounter
{
    /// <summary>Agreeing occurrences of each of <paramref name="words"/>, given the token starts in <paramref name="boundaries"/>.</summary>
    public static long[] Count(HanRuns runs, IReadOnlyList<string> words, bool[] boundaries, int threads)
    {
        var trie = new LexiconTrie(words.Select(w => (w, 1L)), 1);
        var wordOfNode = trie.WordIndex(words);
        var slices = HanSlices.Of(runs, threads);
        var results = new long[slices.Count][];
        Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, s =>
        {
            var counts = new long[words.Count];
            Span<int> ends = stackalloc int[64];
            Span<int> nodes = stackalloc int[64];
            foreach (var (start, length) in HanSlices.Runs(runs, slices[s]))
            {
                var run = runs.Buffer.AsSpan(start, length);
                for (var k = 0; k < length; k++)
                {
                    var found = trie.Matches(run, k, ends, nodes);
                    var inside = false; // a token boundary strictly inside [k, end)
                    var next = k + 1;
                    for (var m = 0; m < found; m++)
                    {
                        for (; next < ends[m]; next++)
                        {
                            inside |= boundaries[start + next];
                        }

                        if (!inside || (boundaries[start + k] && boundaries[start + ends[m]]))
                        {
                            counts[wordOfNode[nodes[m]]]++;
                        }
                    }
                }
            }

            results[s] = counts;
        });

        var total = new long[words.Count];
        foreach (var counts in results)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += counts[i];
            }
        }

        return total;
    }
}
