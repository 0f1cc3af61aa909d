namespace SpeechArchive.Semantics;

/// <summary>
/// Weighted counts of word pairs, keyed by a long (the pair's ids), in one open-addressing table: keys and values in two
/// flat arrays probed linearly, so that adding to a pair is a hash and a step or two through memory, where a
/// <see cref="Dictionary{TKey, TValue}"/> goes through a bucket to an entry. Entries are visited in slot order, which
/// depends only on the keys added and the order they were first added in, so the sums built from them are deterministic.
/// </summary>
internal sealed class PairCounts
{
    private const long Empty = -1;

    private long[] keys;
    private float[] values;
    private int mask;

    public PairCounts(int capacity = 1 << 16)
    {
        var size = Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity));
        keys = new long[size];
        values = new float[size];
        Array.Fill(keys, Empty);
        mask = size - 1;
    }

    /// <summary>How many pairs have a count.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="weight"/> to the count of <paramref name="key"/> (not negative).</summary>
    public void Add(long key, float weight)
    {
        var slot = Slot(key);
        while (true)
        {
            var at = keys[slot];
            if (at == key)
            {
                values[slot] += weight;
                return;
            }

            if (at == Empty)
            {
                keys[slot] = key;
                values[slot] = weight;
                if (++Count * 2 > keys.Length)
                {
                    Grow();
                }

                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The slots in order: key (<c>-1</c> for an empty slot) and value, which a caller may overwrite in place.</summary>
    public (long[] Keys, float[] Values) Slots => (keys, values);

    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 33) & mask;

    private void Grow()
    {
        var (oldKeys, oldValues) = (keys, values);
        keys = new long[oldKeys.Length * 2];
        values = new float[oldKeys.Length * 2];
        Array.Fill(keys, Empty);
        mask = keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != Empty)
            {
                var slot = Slot(oldKeys[i]);
                while (keys[slot] != Empty)
                {
                    slot = (slot + 1) & mask;
                }

                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
