namespace SpeechArchive.Search;

/// <summary>Passages (sorted dense ids) with a score each; merged by sorted joins rather than hash maps.</summary>
internal sealed record ScoredDocs(int[] Docs, double[] Scores)
{
    public static ScoredDocs Empty { get; } = new([], []);

    public int Count => Docs.Length;

    /// <summary>Documents in both, scores added.</summary>
    public ScoredDocs And(ScoredDocs other)
    {
        var (a, b) = Count <= other.Count ? (this, other) : (other, this);
        var docs = new int[a.Count];
        var scores = new double[a.Count];
        var n = 0;
        var j = 0;
        for (var i = 0; i < a.Count && j < b.Count; i++)
        {
            j = PostingsMath.Gallop(b.Docs, j, a.Docs[i]);
            if (j < b.Count && b.Docs[j] == a.Docs[i])
            {
                docs[n] = a.Docs[i];
                scores[n++] = a.Scores[i] + b.Scores[j];
            }
        }

        return new ScoredDocs(docs[..n], scores[..n]);
    }

    /// <summary>Documents in either, scores added where both have them.</summary>
    public ScoredDocs Or(ScoredDocs other)
    {
        if (other.Count == 0 || Count == 0)
        {
            return Count == 0 ? other.Copy() : Copy();
        }

        // Counted first, so the arrays are made once at their size (no second copy of lists of a million passages).
        var docs = new int[UnionCount(Docs, other.Docs)];
        var scores = new double[docs.Length];
        int i = 0, j = 0, n = 0;
        while (i < Count || j < other.Count)
        {
            if (j >= other.Count || (i < Count && Docs[i] < other.Docs[j]))
            {
                docs[n] = Docs[i];
                scores[n++] = Scores[i++];
            }
            else if (i >= Count || other.Docs[j] < Docs[i])
            {
                docs[n] = other.Docs[j];
                scores[n++] = other.Scores[j++];
            }
            else
            {
                docs[n] = Docs[i];
                scores[n++] = Scores[i++] + other.Scores[j++];
            }
        }

        return new ScoredDocs(docs, scores);
    }

    /// <summary>
    /// The passages holding any of <paramref name="matches"/>, each scored by <paramref name="bm25"/> as the sum of the matches'
    /// scores in their order: what scoring each and joining them by <see cref="Or"/> gives, to the bit, in one pass and without
    /// an array per match.
    /// </summary>
    public static ScoredDocs AnyOf(Bm25 bm25, IReadOnlyList<WordMatch> matches)
    {
        var lists = matches.Select(m => m.Docs).ToArray();
        var count = lists.Length == 1 ? lists[0].Length : UnionCount(lists);
        var docs = new int[count];
        var scores = new double[count];
        var scorers = matches.Select(bm25.Scorer).ToArray();
        try
        {
            var heads = new int[lists.Length];
            for (var n = 0; n < count; n++)
            {
                var doc = int.MaxValue;
                for (var k = 0; k < lists.Length; k++)
                {
                    if (heads[k] < lists[k].Length && lists[k][heads[k]] < doc)
                    {
                        doc = lists[k][heads[k]];
                    }
                }

                var (score, first) = (0.0, true);
                for (var k = 0; k < lists.Length; k++)
                {
                    if (heads[k] < lists[k].Length && lists[k][heads[k]] == doc)
                    {
                        var s = scorers[k].Score(doc, matches[k].Frequency(heads[k]++));
                        (score, first) = (first ? s : score + s, false);
                    }
                }

                docs[n] = doc;
                scores[n] = score;
            }
        }
        finally
        {
            foreach (var scorer in scorers)
            {
                scorer.Dispose();
            }
        }

        return new ScoredDocs(docs, scores);
    }

    private ScoredDocs Copy() => new([.. Docs], [.. Scores]);

    /// <summary>How many ids the sorted arrays hold between them.</summary>
    private static int UnionCount(params int[][] lists)
    {
        var heads = new int[lists.Length];
        var n = 0;
        while (true)
        {
            var doc = int.MaxValue;
            for (var k = 0; k < lists.Length; k++)
            {
                if (heads[k] < lists[k].Length && lists[k][heads[k]] < doc)
                {
                    doc = lists[k][heads[k]];
                }
            }

            if (doc == int.MaxValue)
            {
                return n;
            }

            for (var k = 0; k < lists.Length; k++)
            {
                if (heads[k] < lists[k].Length && lists[k][heads[k]] == doc)
                {
                    heads[k]++;
                }
            }

            n++;
        }
    }

    /// <summary>Documents not in <paramref name="excluded"/> (sorted).</summary>
    public ScoredDocs Except(int[] excluded)
    {
        if (excluded.Length == 0)
        {
            return this;
        }

        var docs = new int[Count];
        var scores = new double[Count];
        var n = 0;
        var j = 0;
        for (var i = 0; i < Count; i++)
        {
            j = PostingsMath.Gallop(excluded, j, Docs[i]);
            if (j >= excluded.Length || excluded[j] != Docs[i])
            {
                docs[n] = Docs[i];
                scores[n++] = Scores[i];
            }
        }

        return new ScoredDocs(docs[..n], scores[..n]);
    }
}
