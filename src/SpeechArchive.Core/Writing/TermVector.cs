using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>A text's Han bigrams weighted tf·idf against the index, for cosine similarity.</summary>
internal sealed class TermVector
{
    private TermVector(Dictionary<long, double> weights)
    {
        Weights = weights;
        Norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    public Dictionary<long, double> Weights { get; }

    /// <summary>Math.Log of 0–255, the same values, looked up.</summary>
    private static readonly double[] SmallLogs = Enumerable.Range(0, 256).Select(i => Math.Log(i)).ToArray();

    public double Norm { get; }

    public static TermVector Of(IndexSnapshot index, string matchForm)
    {
        var tf = new Dictionary<long, int>();
        for (var i = 0; i + 1 < matchForm.Length; i++)
        {
            if (TextNormalizer.KindOf(matchForm[i]) == CharKind.Cjk && TextNormalizer.KindOf(matchForm[i + 1]) == CharKind.Cjk)
            {
                var key = TermKey.Bigram(matchForm[i], matchForm[i + 1]);
                tf[key] = tf.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        var weights = new Dictionary<long, double>(tf.Count);
        foreach (var (key, n) in tf)
        {
            weights[key] = Weight(n, BigramCandidates.Idf(index, key));
        }

        return new TermVector(weights);
    }

    /// <summary>
    /// <see cref="Cosine"/> with the vector of <paramref name="matchForm"/> without building it: the same sums in the same
    /// order (bigrams by first occurrence), so the same value, with per-thread scratch tables instead of two dictionaries.
    /// With the text's norm known (<see cref="PassageNorms"/>), only the shared bigrams are weighed.
    /// </summary>
    public double CosineWith(IdfMemo idf, string matchForm, double knownNorm = double.NaN)
    {
        var other = BigramCounter.ForThread();
        other.Count(matchForm);
        var weighed = double.IsNaN(knownNorm);
        var otherNorm = weighed ? Math.Sqrt(other.Weigh(idf.Of)) : knownNorm;
        if (Norm == 0 || otherNorm == 0)
        {
            return 0;
        }

        double dot = 0;
        if (Weights.Count <= other.Distinct)
        {
            foreach (var (key, w) in Weights)
            {
                if (other.Find(key) is var j and >= 0)
                {
                    dot += w * (weighed ? other.Weights[j] : Weight(other.Counts[j], idf.Of(key)));
                }
            }
        }
        else
        {
            for (var j = 0; j < other.Distinct; j++)
            {
                if (Weights.TryGetValue(other.Keys[j], out var v))
                {
                    dot += (weighed ? other.Weights[j] : Weight(other.Counts[j], idf.Of(other.Keys[j]))) * v;
                }
            }
        }

        return dot / (Norm * otherNorm);
    }

    /// <summary>A bigram's tf·idf weight: (1 + ln tf) · idf.</summary>
    public static double Weight(int tf, double idf) => (1 + (tf < SmallLogs.Length ? SmallLogs[tf] : Math.Log(tf))) * idf;

    public double Cosine(TermVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        double dot = 0;
        foreach (var (key, w) in small)
        {
            if (large.TryGetValue(key, out var v))
            {
                dot += w * v;
            }
        }

        return dot / (Norm * other.Norm);
    }
}

/// <summary>
/// Counts a text's Han bigrams in order of first occurrence, in reusable per-thread arrays: an open-addressing table whose
/// slots are stamped with the text's number, so nothing is cleared between texts.
/// </summary>
internal sealed class BigramCounter
{
    [ThreadStatic] private static BigramCounter? current;

    private int[] slots = new int[4096];
    private int[] stamps = new int[4096];
    private int stamp;

    public long[] Keys { get; private set; } = new long[1024];
    public int[] Counts { get; private set; } = new int[1024];
    public double[] Weights { get; private set; } = new double[1024];
    public int Distinct { get; private set; }

    public static BigramCounter ForThread() => current ??= new BigramCounter();

    public void Count(string matchForm)
    {
        NextText(matchForm.Length);
        for (var i = 0; i + 1 < matchForm.Length; i++)
        {
            if (TextNormalizer.KindOf(matchForm[i]) == CharKind.Cjk && TextNormalizer.KindOf(matchForm[i + 1]) == CharKind.Cjk)
            {
                var key = TermKey.Bigram(matchForm[i], matchForm[i + 1]);
                var at = Slot(key);
                if (stamps[at] == stamp)
                {
                    Counts[slots[at]]++;
                }
                else
                {
                    (stamps[at], slots[at]) = (stamp, Distinct);
                    (Keys[Distinct], Counts[Distinct]) = (key, 1);
                    Distinct++;
                }
            }
        }
    }

    /// <summary>Sets <see cref="Weights"/> of the counted bigrams; returns the sum of their squares, in order of first occurrence.</summary>
    public double Weigh(Func<long, double> idf)
    {
        double sumOfSquares = 0;
        for (var j = 0; j < Distinct; j++)
        {
            var w = TermVector.Weight(Counts[j], idf(Keys[j]));
            Weights[j] = w;
            sumOfSquares += w * w;
        }

        return sumOfSquares;
    }

    /// <summary>The position of <paramref name="key"/> among the distinct bigrams, or −1.</summary>
    public int Find(long key)
    {
        var at = Slot(key);
        return stamps[at] == stamp ? slots[at] : -1;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
    private int Slot(long key)
    {
        var mask = slots.Length - 1;
        var at = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 40) & mask;
        while (stamps[at] == stamp && Keys[slots[at]] != key)
        {
            at = (at + 1) & mask;
        }

        return at;
    }

    private void NextText(int length)
    {
        Distinct = 0;
        if (length > Keys.Length)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length);
            (Keys, Counts, Weights) = (new long[size], new int[size], new double[size]);
        }

        if (slots.Length < 4 * Keys.Length)
        {
            (slots, stamps, stamp) = (new int[4 * Keys.Length], new int[4 * Keys.Length], 0);
        }

        if (++stamp == int.MaxValue)
        {
            Array.Clear(stamps);
            stamp = 1;
        }
    }
}

/// <summary>
/// <see cref="BigramCandidates.Idf"/> remembered for one request (comparing hundreds of similar passages asks for the same
/// bigrams over and over; each answer is a look-up in the snapshot's large term dictionary). Per-thread arrays, stamped
/// per request: nothing outlives the request's snapshot or is shared between requests (disposing the memo lets go of the
/// snapshot, so a thread that served a request does not keep a replaced generation alive).
/// </summary>
internal sealed class IdfMemo : IDisposable
{
    [ThreadStatic] private static IdfMemo? current;

    private IndexSnapshot? index;
    private long[] keys = new long[1 << 14];
    private double[] values = new double[1 << 14];
    private int[] stamps = new int[1 << 14];
    private int stamp;
    private int count;

    /// <summary>This thread's memo, emptied and bound to <paramref name="snapshot"/>.</summary>
    public static IdfMemo Begin(IndexSnapshot snapshot)
    {
        var memo = current ??= new IdfMemo();
        memo.index = snapshot;
        memo.count = 0;
        if (++memo.stamp == int.MaxValue)
        {
            Array.Clear(memo.stamps);
            memo.stamp = 1;
        }

        return memo;
    }

    /// <summary>Lets go of the snapshot (the arrays stay for the thread's next request).</summary>
    public void Dispose() => index = null;

    /// <summary>Whether the memo still holds a snapshot (for tests).</summary>
    internal static bool HoldsSnapshot => current?.index is not null;

    public double Of(long key)
    {
        var mask = keys.Length - 1;
        var at = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 40) & mask;
        while (stamps[at] == stamp)
        {
            if (keys[at] == key)
            {
                return values[at];
            }

            at = (at + 1) & mask;
        }

        var idf = BigramCandidates.Idf(index ?? throw new ObjectDisposedException(nameof(IdfMemo)), key);
        if (2 * (count + 1) > keys.Length)
        {
            Grow();
            return Of(key);
        }

        (keys[at], values[at], stamps[at]) = (key, idf, stamp);
        count++;
        return idf;
    }

    private void Grow()
    {
        var (oldKeys, oldValues, oldStamps, oldStamp) = (keys, values, stamps, stamp);
        keys = new long[oldKeys.Length * 2];
        values = new double[keys.Length];
        stamps = new int[keys.Length];
        stamp = 1;
        count = 0;
        var mask = keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldStamps[i] == oldStamp)
            {
                var at = (int)((ulong)(oldKeys[i] * unchecked((long)0x9E3779B97F4A7C15)) >> 40) & mask;
                while (stamps[at] == stamp)
                {
                    at = (at + 1) & mask;
                }

                (keys[at], values[at], stamps[at]) = (oldKeys[i], oldValues[i], stamp);
                count++;
            }
        }
    }
}
