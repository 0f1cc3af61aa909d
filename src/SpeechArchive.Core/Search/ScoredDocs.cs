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
        var docs = new int[Count + other.Count];
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

        return new ScoredDocs(docs[..n], scores[..n]);
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
