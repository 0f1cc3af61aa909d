namespace SpeechArchive.Analysis;

/// <summary>
/// The words of a lexicon as a trie for segmentation: first characters by direct index, every further step one probe
/// of an open-addressing table keyed by (node, character). The edge itself carries the child's score, ln P(word) =
/// ln(frequency / total) (NaN for a prefix that is not a word), and a 64-bit filter of the characters of the child's
/// children, so that a step touches one cache line and most walks end without a probe that fails.
/// </summary>
internal sealed class LexiconTrie
{
    private readonly int[] rootChild = new int[65536];
    private readonly float[] rootScore = new float[65536];
    private readonly ulong[] rootFilter = new ulong[65536];
    private Edge[] edges = new Edge[1024];
    private int shift = 64 - 10;
    private int nodes;
    private int used;

    /// <summary>A trie of <paramref name="words"/> scored against <paramref name="total"/>; a character outside it scores ln(1 / total).</summary>
    public LexiconTrie(IEnumerable<(string Word, long Frequency)> words, long total)
    {
        Array.Fill(rootChild, -1);
        Array.Fill(rootScore, float.NaN);
        var logTotal = Math.Log(Math.Max(1, total));
        UnknownScore = -logTotal;
        foreach (var (word, frequency) in words)
        {
            Add(word, (float)(Math.Log(frequency) - logTotal));
        }
    }

    /// <summary>The score of a single character that is not a word.</summary>
    public double UnknownScore { get; }

    /// <summary>How many nodes; node ids run from 0 to this.</summary>
    public int NodeCount => nodes;

    /// <summary>The node of <paramref name="word"/>, or −1 when the trie does not hold it as a word.</summary>
    public int Find(string word)
    {
        var child = rootChild[word[0]];
        var score = rootScore[word[0]];
        for (var k = 1; k < word.Length && child >= 0; k++)
        {
            var slot = Slot(child, word[k]);
            child = slot < 0 ? -1 : edges[slot].Child;
            score = slot < 0 ? float.NaN : edges[slot].Score;
        }

        return child >= 0 && !float.IsNaN(score) ? child : -1;
    }

    /// <summary>For each node, the index in <paramref name="words"/> of the word it ends (−1 for the others).</summary>
    public int[] WordIndex(IEnumerable<string> words)
    {
        var index = new int[nodes];
        Array.Fill(index, -1);
        var i = 0;
        foreach (var word in words)
        {
            index[Find(word)] = i++;
        }

        return index;
    }

    /// <summary>The words of the trie starting at <paramref name="start"/> in <paramref name="run"/>, shortest first: fills their ends and nodes, returns how many (at most the spans' length).</summary>
    public int Matches(ReadOnlySpan<char> run, int start, Span<int> ends, Span<int> nodes)
    {
        var count = 0;
        var child = rootChild[run[start]];
        var score = rootScore[run[start]];
        var filter = rootFilter[run[start]];
        var j = start + 1;
        while (child >= 0 && count < ends.Length)
        {
            if (!float.IsNaN(score))
            {
                ends[count] = j;
                nodes[count++] = child;
            }

            if (j == run.Length || (filter & Bit(run[j])) == 0 || Slot(child, run[j++]) is not (var slot and >= 0))
            {
                break;
            }

            child = edges[slot].Child;
            score = edges[slot].Score;
            filter = edges[slot].Filter;
        }

        return count;
    }

    /// <summary>
    /// The most probable segmentation of a run of folded Han characters (max Σ ln P, right to left); of equal scores the
    /// longer word wins. Fills <paramref name="ends"/>[i] with the end of the word starting at i on the best path and
    /// <paramref name="nodes"/>[i] with its node (−1 for a character that is not a word); <paramref name="best"/>[0] is the
    /// path's score. Without <paramref name="wholeAllowed"/>, the whole run is not taken as one word.
    /// </summary>
    public void BestPath(ReadOnlySpan<char> run, Span<double> best, Span<int> ends, Span<int> nodes, bool wholeAllowed = true)
    {
        var n = run.Length;
        best[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var single = char.IsHighSurrogate(run[i]) && i + 1 < n && char.IsLowSurrogate(run[i + 1]) ? 2 : 1;
            var child = rootChild[run[i]];
            double score = rootScore[run[i]];
            var filter = rootFilter[run[i]];
            var bestScore = double.NegativeInfinity;
            var bestEnd = i + single;
            var bestNode = -1;
            if (single == 2 || double.IsNaN(score))
            {
                bestScore = UnknownScore + best[i + single];
            }

            var j = i + 1;
            while (child >= 0)
            {
                var s = score + best[j];
                if (s >= bestScore && (wholeAllowed || i > 0 || j < n))
                {
                    bestScore = s;
                    bestEnd = j;
                    bestNode = child;
                }

                if (j == n || (filter & Bit(run[j])) == 0 || Slot(child, run[j++]) is not (var slot and >= 0))
                {
                    break;
                }

                child = edges[slot].Child;
                score = edges[slot].Score;
                filter = edges[slot].Filter;
            }

            best[i] = bestScore;
            ends[i] = bestEnd;
            nodes[i] = bestNode;
        }
    }

    private void Add(string word, float score)
    {
        var c = word[0];
        if (rootChild[c] < 0)
        {
            rootChild[c] = nodes++;
        }

        if (word.Length == 1)
        {
            rootScore[c] = score;
            return;
        }

        rootFilter[c] |= Bit(word[1]);
        var node = rootChild[c];
        for (var k = 1; k < word.Length; k++)
        {
            var slot = Slot(node, word[k]);
            if (slot < 0)
            {
                slot = Insert(Key(node, word[k]), nodes++);
            }

            if (k < word.Length - 1)
            {
                edges[slot].Filter |= Bit(word[k + 1]);
            }
            else
            {
                edges[slot].Score = score;
            }

            node = edges[slot].Child;
        }
    }

    /// <summary>The bit of a character in a node's filter of its children.</summary>
    private static ulong Bit(char c) => 1UL << (c & 63);

    private static ulong Key(int node, char c) => (((ulong)(uint)node << 16) | c) + 1;

    private int Slot(int node, char c)
    {
        var key = Key(node, c);
        var mask = edges.Length - 1;
        var i = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
        while (true)
        {
            var k = edges[i].Key;
            if (k == key)
            {
                return i;
            }

            if (k == 0)
            {
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    private int Insert(ulong key, int child)
    {
        if (++used > edges.Length >> 1)
        {
            Grow();
        }

        return Place(new Edge { Key = key, Child = child, Score = float.NaN });
    }

    private int Place(Edge edge)
    {
        var mask = edges.Length - 1;
        var i = (int)((edge.Key * 0x9E3779B97F4A7C15UL) >> shift);
        while (edges[i].Key != 0)
        {
            i = (i + 1) & mask;
        }

        edges[i] = edge;
        return i;
    }

    private void Grow()
    {
        var old = edges;
        edges = new Edge[old.Length * 2];
        shift--;
        foreach (var edge in old)
        {
            if (edge.Key != 0)
            {
                Place(edge);
            }
        }
    }

    /// <summary>One edge: (parent, character) packed, plus one so that 0 marks an empty slot; the child, its score and the filter of its children.</summary>
    private struct Edge
    {
        public ulong Key;
        public int Child;
        public float Score;
        public ulong Filter;
    }
}
