namespace SpeechArchive.Search;

/// <summary>
/// Passages (sorted dense ids) with a score each; merged by sorted joins rather than hash maps. Each join counts its result
/// first and then fills arrays of that exact size, so a broad word's joins leave one pair of arrays behind each, neither
/// grown nor trimmed, and hold nothing in a pool between searches.
/// </summary>
internal sealed record ScoredDocs(int[] Docs, double[] Scores)
{
    public static ScoredDocs Empty { get; } = new([], []);

    public int Count => Docs.Length;

    /// <summary>Documents in both, scores added.</summary>
    public ScoredDocs And(ScoredDocs other)
    {
        var (a, b) = Count <= other.Count ? (this, other) : (other, this);
        var into = Exactly(Both(a, b, null));
        Both(a, b, into);
        return into;
    }

    /// <summary>Documents in either, scores added where both have them (fresh arrays, which the ranking may change in place).</summary>
    public ScoredDocs Or(ScoredDocs other)
    {
        var (a, b) = Count <= other.Count ? (this, other) : (other, this);
        var docs = new int[Count + other.Count - Both(a, b, null)];
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

        System.Diagnostics.Debug.Assert(n == docs.Length, "passages sorted and each once in both");
        return new ScoredDocs(docs, scores);
    }

    /// <summary>Documents not in <paramref name="excluded"/> (sorted).</summary>
    public ScoredDocs Except(int[] excluded)
    {
        if (excluded.Length == 0)
        {
            return this;
        }

        var into = Exactly(Count - Excluded(excluded, null));
        Excluded(excluded, into);
        return into;
    }

    /// <summary>Arrays for <paramref name="count"/> passages.</summary>
    internal static ScoredDocs Exactly(int count) => count == 0 ? Empty : new ScoredDocs(new int[count], new double[count]);

    /// <summary>
    /// How many passages <paramref name="a"/> (the shorter) and <paramref name="b"/> share, each looked up in
    /// <paramref name="b"/> by galloping; written into <paramref name="into"/> with their scores added when given.
    /// </summary>
    private static int Both(ScoredDocs a, ScoredDocs b, ScoredDocs? into)
    {
        var (n, j) = (0, 0);
        for (var i = 0; i < a.Count && j < b.Count; i++)
        {
            j = PostingsMath.Gallop(b.Docs, j, a.Docs[i]);
            if (j < b.Count && b.Docs[j] == a.Docs[i])
            {
                if (into is not null)
                {
                    into.Docs[n] = a.Docs[i];
                    into.Scores[n] = a.Scores[i] + b.Scores[j];
                }

                n++;
            }
        }

        return n;
    }

    /// <summary>How many of these passages <paramref name="excluded"/> holds; the others written into <paramref name="into"/> when given.</summary>
    private int Excluded(int[] excluded, ScoredDocs? into)
    {
        var (n, j) = (0, 0);
        for (var i = 0; i < Count; i++)
        {
            j = PostingsMath.Gallop(excluded, j, Docs[i]);
            if (j >= excluded.Length || excluded[j] != Docs[i])
            {
                if (into is not null)
                {
                    into.Docs[i - n] = Docs[i];
                    into.Scores[i - n] = Scores[i];
                }
            }
            else
            {
                n++;
            }
        }

        return n;
    }
}
