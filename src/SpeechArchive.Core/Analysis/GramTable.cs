using System.Runtime.InteropServices;

namespace SpeechArchive.Analysis;

/// <summary>
/// Counts n-grams packed as (id of the gram without its end character) · 2^16 + end character, by open addressing with
/// linear probing. Each entry also keeps a link (the id of the gram's other (n−1)-gram) and the order it was first
/// seen in, which stays its id however the table grows. One writer at a time.
/// </summary>
internal sealed class GramTable
{
    private Entry[] entries;
    private int shift;
    private int used;

    public GramTable(int capacityLog2 = 12)
    {
        entries = new Entry[1 << capacityLog2];
        shift = 64 - capacityLog2;
    }

    /// <summary>The slots, empty ones with key 0 (no key is 0: the end character is a Han character).</summary>
    public ReadOnlySpan<Entry> Slots => entries;

    public int Count => used;

    public static ulong Key(int id, char c) => ((ulong)(uint)id << 16) | c;

    /// <summary>A well-mixed hash (MurmurHash3's finaliser): the low bits pick a partition, the high bits a slot.</summary>
    public static ulong Hash(ulong key)
    {
        key ^= key >> 33;
        key *= 0xFF51AFD7ED558CCDUL;
        key ^= key >> 33;
        key *= 0xC4CEB9FE1A85EC53UL;
        key ^= key >> 33;
        return key;
    }

    /// <summary>Counts one occurrence of <paramref name="key"/>; returns the entry's id (its order of first sighting).</summary>
    public int Add(ulong key, ulong hash, int link) => Add(key, hash, link, 1);

    /// <summary>Counts <paramref name="count"/> occurrences of <paramref name="key"/>; returns the entry's id.</summary>
    public int Add(ulong key, ulong hash, int link, int count)
    {
        var mask = entries.Length - 1;
        var i = (int)(hash >> shift);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Key == key)
            {
                e.Count += count;
                return e.Id;
            }

            if (e.Key == 0)
            {
                e.Key = key;
                e.Count = count;
                e.Link = link;
                e.Id = used;
                if (++used > entries.Length >> 1)
                {
                    Grow();
                }

                return used - 1;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Empties the table and keeps its memory (fresh memory is slow to touch).</summary>
    public void Clear()
    {
        Array.Clear(entries);
        used = 0;
    }

    private void Grow()
    {
        var old = entries;
        entries = new Entry[old.Length * 2];
        shift--;
        var mask = entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Key == 0)
            {
                continue;
            }

            var i = (int)(Hash(e.Key) >> shift);
            while (entries[i].Key != 0)
            {
                i = (i + 1) & mask;
            }

            entries[i] = e;
        }
    }

    /// <summary>One slot: the packed key, its count and its link.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Entry
    {
        public ulong Key;
        public int Count;
        public int Link;
        public int Id;
    }
}
