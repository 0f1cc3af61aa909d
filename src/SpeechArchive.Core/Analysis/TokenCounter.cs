namespace SpeechArchive.Analysis;

/// <summary>Segments every run with a word list and counts how often each word is a token of the best path.</summary>
internal static class TokenCounter
{
    /// <summary>
    /// Token counts of <paramref name="words"/> (same order) over <paramref name="runs"/>; slices run in parallel and
    /// integer sums keep it deterministic. When <paramref name="boundaries"/> is given, it is set true at every position a
    /// token begins (and at every run's edge).
    /// </summary>
    public static long[] Count(HanRuns runs, IReadOnlyList<(string Word, long Frequency)> words, int threads, bool[]? boundaries = null)
    {
        var trie = new LexiconTrie(words, words.Sum(w => w.Frequency));
        var wordOfNode = trie.WordIndex(words.Select(w => w.Word));
        var slices = HanSlices.Of(runs, threads);
        var results = new long[slices.Count][];
        Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, s =>
        {
            results[s] = CountSlice(runs, slices[s], trie, wordOfNode, words.Count, boundaries);
        });

        var tokens = new long[words.Count];
        foreach (var slice in results)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] += slice[i];
            }
        }

        return tokens;
    }

    private static long[] CountSlice(HanRuns runs, (int From, int To) slice, LexiconTrie trie, int[] wordOfNode, int wordCount, bool[]? boundaries)
    {
        var tokens = new long[wordCount];
        var best = new double[256];
        var ends = new int[256];
        var nodes = new int[256];
        foreach (var (start, length) in HanSlices.Runs(runs, slice))
        {
            if (best.Length <= length)
            {
                best = new double[length * 2];
                ends = new int[length * 2];
                nodes = new int[length * 2];
            }

            trie.BestPath(runs.Buffer.AsSpan(start, length), best, ends, nodes);
            for (var k = 0; k < length; k = ends[k])
            {
                if (boundaries is not null)
                {
                    boundaries[start + k] = true;
                }

                if (nodes[k] >= 0 && wordOfNode[nodes[k]] is var word and >= 0)
                {
                    tokens[word]++;
                }
            }

            if (boundaries is not null)
            {
                boundaries[start + length] = true;
            }
        }

        return tokens;
    }
}
