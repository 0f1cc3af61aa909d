namespace SpeechArchive.Classification;

/// <summary>
/// Aho–Corasick automaton over the taxonomy's literal terms: one pass over a sentence finds every occurrence of every
/// term. Quotation marks and white space in the text are skipped, so terms match across them.
/// </summary>
internal sealed class TermAutomaton
{
    private readonly int[] rootNext = new int[char.MaxValue + 1];
    private readonly List<Dictionary<char, int>> building = [[]];
    private readonly List<int> termAt = [-1];
    private readonly TransitionTable transitions;
    private int[] fail = [];
    private int[] outputLink = [];

    public TermAutomaton(IReadOnlyList<string> terms)
    {
        TermLengths = [.. terms.Select(t => t.Length)];
        for (var i = 0; i < terms.Count; i++)
        {
            Insert(terms[i], i);
        }

        BuildLinks();
        transitions = new TransitionTable(FullTransitions());
        building.Clear();
    }

    /// <summary>Length of each term (in non-ignorable characters).</summary>
    public int[] TermLengths { get; }

    /// <summary>Reports (term, start, end) for every occurrence in text[start..end); positions are in the original text.</summary>
    public void Scan(string text, int start, int end, List<TermOccurrence> found)
    {
        Span<int> positions = end - start <= 512 ? stackalloc int[end - start] : new int[end - start];
        var count = 0;
        var node = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (TermText.IsIgnorable(c))
            {
                continue;
            }

            positions[count++] = i;
            node = Step(node, c);
            for (var n = termAt[node] >= 0 ? node : outputLink[node]; n > 0; n = outputLink[n])
            {
                var term = termAt[n];
                found.Add(new TermOccurrence(term, positions[count - TermLengths[term]], i + 1));
            }
        }
    }

    /// <summary>One transition of the full automaton: the table holds every non-root target, so there is no failure walk.</summary>
    private int Step(int node, char c)
    {
        if (node != 0)
        {
            var next = transitions.Get(node, c);
            if (next > 0)
            {
                return next;
            }
        }

        return rootNext[c];
    }

    /// <summary>Failure-link walk over the trie while it is being built.</summary>
    private int StepTrie(int node, char c)
    {
        while (node != 0)
        {
            if (building[node].TryGetValue(c, out var next))
            {
                return next;
            }

            node = fail[node];
        }

        return rootNext[c];
    }

    private void Insert(string term, int id)
    {
        var node = 0;
        foreach (var c in term)
        {
            int next;
            if (node == 0 ? (next = rootNext[c]) == 0 : !building[node].TryGetValue(c, out next))
            {
                next = building.Count;
                building.Add([]);
                termAt.Add(-1);
                if (node == 0)
                {
                    rootNext[c] = next;
                }
                else
                {
                    building[node][c] = next;
                }
            }

            node = next;
        }

        termAt[node] = id;
    }

    private void BuildLinks()
    {
        fail = new int[building.Count];
        outputLink = new int[building.Count];
        var queue = new Queue<int>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (rootNext[c] != 0)
            {
                queue.Enqueue(rootNext[c]);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in building[node])
            {
                var f = StepTrie(fail[node], c);
                fail[child] = f;
                outputLink[child] = termAt[f] >= 0 ? f : outputLink[f];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>
    /// For every node, every transition whose target is not the root's own transition for that character: the node's
    /// children plus, inherited along the failure link, its suffix's.
    /// </summary>
    private List<Dictionary<char, int>> FullTransitions()
    {
        var full = new List<Dictionary<char, int>>(building.Count);
        for (var i = 0; i < building.Count; i++)
        {
            full.Add([]);
        }

        var queue = new Queue<int>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (rootNext[c] != 0)
            {
                queue.Enqueue(rootNext[c]);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            var table = full[node];
            if (fail[node] != 0)
            {
                foreach (var (c, target) in full[fail[node]])
                {
                    table[c] = target;
                }
            }

            foreach (var (c, child) in building[node])
            {
                table[c] = child;
                queue.Enqueue(child);
            }
        }

        return full;
    }

    /// <summary>Open-addressing hash of the non-root transitions, keyed by (node, character).</summary>
    private sealed class TransitionTable
    {
        private readonly long[] keys;
        private readonly int[] values;
        private readonly int mask;

        public TransitionTable(List<Dictionary<char, int>> nodes)
        {
            var count = nodes.Sum(n => n.Count);
            var size = 16;
            while (size < count * 2)
            {
                size *= 2;
            }

            keys = new long[size];
            values = new int[size];
            mask = size - 1;
            Array.Fill(keys, -1L);
            for (var node = 1; node < nodes.Count; node++)
            {
                foreach (var (c, child) in nodes[node])
                {
                    var key = ((long)node << 16) | c;
                    var slot = Slot(key);
                    while (keys[slot] != -1L)
                    {
                        slot = (slot + 1) & mask;
                    }

                    keys[slot] = key;
                    values[slot] = child;
                }
            }
        }

        public int Get(int node, char c)
        {
            var key = ((long)node << 16) | c;
            for (var slot = Slot(key); ; slot = (slot + 1) & mask)
            {
                var k = keys[slot];
                if (k == key)
                {
                    return values[slot];
                }

                if (k == -1L)
                {
                    return 0;
                }
            }
        }

        private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 40) & mask;
    }
}
