using System.Runtime.InteropServices;
using System.Text;
using SpeechArchive.Analysis;

namespace SpeechArchive.Storage;

/// <summary>Where one part of a term's postings lies: a segment (by position), the offset in its postings, how many passages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct TermPart(int Segment, int Offset, int Docs);

/// <summary>
/// The term dictionary of an index generation's segments, read where it lies and built from nothing at load: each term's key
/// (<see cref="TermKey"/>) by id, an open-addressing table that finds a key's id (linear probing, at most half full), each
/// term's parts (one per segment holding it, in segment order: their postings concatenated stay sorted) and the Latin and
/// digit words in ordinal order (a word's key is <see cref="TermKey.Word"/> of its rank). Mapped from the generation's
/// dictionary file (<see cref="TermDictionaryFile"/>), or arrays made from the segments' term lists (<see cref="Build"/>).
/// </summary>
internal sealed class TermDictionary
{
    private readonly Column<long> keys;
    private readonly Column<int> slots;
    private readonly Column<int> partStart;
    private readonly Column<TermPart> parts;
    private readonly Column<int> wordStart;
    private readonly Column<char> wordChars;
    private readonly int shift;

    internal TermDictionary(Column<long> keys, Column<int> slots, Column<int> partStart, Column<TermPart> parts, Column<int> wordStart, Column<char> wordChars)
    {
        this.keys = keys;
        this.slots = slots;
        this.partStart = partStart;
        this.parts = parts;
        this.wordStart = wordStart;
        this.wordChars = wordChars;
        shift = 64 - int.Log2(slots.Length);
    }

    /// <summary>How many terms the segments hold.</summary>
    public int Count => keys.Length;

    /// <summary>Whether the dictionary is mapped from a file (else arrays on the heap).</summary>
    public bool Mapped => keys.Mapped;

    internal Column<long> Keys => keys;
    internal Column<int> Slots => slots;
    internal Column<int> PartStart => partStart;
    internal Column<TermPart> Parts => parts;
    internal Column<int> WordStart => wordStart;
    internal Column<char> WordChars => wordChars;

    /// <summary>The key of term <paramref name="id"/>.</summary>
    public long Key(int id) => keys[id];

    /// <summary>The id of the term with <paramref name="key"/>, or -1.</summary>
    public int Find(long key)
    {
        ReadOnlySpan<int> table = slots.Span;
        ReadOnlySpan<long> byId = keys.Span;
        var mask = table.Length - 1;
        for (var at = Slot(key, shift); ; at = (at + 1) & mask)
        {
            var slot = table[at];
            if (slot == 0 || byId[slot - 1] == key)
            {
                slots.KeepAlive();
                keys.KeepAlive();
                return slot - 1;
            }
        }
    }

    /// <summary>The rank of Latin or digit word <paramref name="word"/> (its key is <see cref="TermKey.Word"/> of it), or null.</summary>
    public int? WordRank(string word)
    {
        ReadOnlySpan<int> starts = wordStart.Span;
        ReadOnlySpan<char> chars = wordChars.Span;
        var (low, high) = (0, starts.Length - 2);
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = chars[starts[mid]..starts[mid + 1]].SequenceCompareTo(word);
            if (order == 0)
            {
                KeepAlive();
                return mid;
            }

            (low, high) = order < 0 ? (mid + 1, high) : (low, mid - 1);
        }

        KeepAlive();
        return null;
    }

    /// <summary>The parts of term <paramref name="id"/>'s postings, in segment order; valid while this dictionary is reachable.</summary>
    public ReadOnlySpan<TermPart> PartsOf(int id) => parts.Span[partStart[id]..partStart[id + 1]];

    /// <summary>How many passages the segments list for term <paramref name="id"/> (its parts' documents summed).</summary>
    public int DocFrequency(int id)
    {
        var sum = 0;
        foreach (var part in PartsOf(id))
        {
            sum += part.Docs;
        }

        parts.KeepAlive();
        return sum;
    }

    /// <summary>Keeps the maps open up to this point (after reading through spans).</summary>
    public void KeepAlive()
    {
        keys.KeepAlive();
        slots.KeepAlive();
        partStart.KeepAlive();
        parts.KeepAlive();
        wordStart.KeepAlive();
        wordChars.KeepAlive();
    }

    /// <summary>The table's size for <paramref name="terms"/> terms: a power of two at least twice as large (and at least 2).</summary>
    internal static int TableSize(int terms) => (int)Math.Max(2, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)terms * 2));

    /// <summary>The first slot of <paramref name="key"/> in a table of 2^(64 − <paramref name="shift"/>) slots (Fibonacci hashing).</summary>
    internal static int Slot(long key, int shift) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>The dictionary of the segments whose term lists are <paramref name="termLists"/> (in segment order), as arrays.</summary>
    public static TermDictionary Build(IReadOnlyList<(byte[] Terms, long SegmentId)> termLists)
    {
        // The words first: their keys are their ranks in ordinal order.
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (terms, segmentId) in termLists)
        {
            Each(terms, segmentId, (text, _, _) =>
            {
                if (!IsHan(text))
                {
                    words.Add(new string(text));
                }
            });
        }

        var wordList = words.ToArray();
        Array.Sort(wordList, StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(wordList.Length, StringComparer.Ordinal);
        for (var w = 0; w < wordList.Length; w++)
        {
            rank[wordList[w]] = w;
        }

        // Term ids in the order first met; each term's parts in segment order.
        var ids = new Dictionary<long, int>();
        var keyList = new List<long>();
        var partLists = new List<List<TermPart>>();
        var lookup = rank.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var s = 0; s < termLists.Count; s++)
        {
            var segment = s;
            Each(termLists[s].Terms, termLists[s].SegmentId, (text, offset, docs) =>
            {
                var key = IsHan(text) ? (text.Length == 1 ? TermKey.Unigram(text[0]) : TermKey.Bigram(text[0], text[1])) : TermKey.Word(lookup[text]);
                if (!ids.TryGetValue(key, out var id))
                {
                    id = ids[key] = keyList.Count;
                    keyList.Add(key);
                    partLists.Add([]);
                }

                partLists[id].Add(new TermPart(segment, offset, docs));
            });
        }

        var partStart = new int[keyList.Count + 1];
        for (var id = 0; id < keyList.Count; id++)
        {
            partStart[id + 1] = partStart[id] + partLists[id].Count;
        }

        var parts = new TermPart[partStart[^1]];
        for (var id = 0; id < keyList.Count; id++)
        {
            partLists[id].CopyTo(parts, partStart[id]);
        }

        var keys = keyList.ToArray();
        var slots = new int[TableSize(keys.Length)];
        var shift = 64 - int.Log2(slots.Length);
        for (var id = 0; id < keys.Length; id++)
        {
            var at = Slot(keys[id], shift);
            while (slots[at] != 0)
            {
                at = (at + 1) & (slots.Length - 1);
            }

            slots[at] = id + 1;
        }

        var wordStart = new int[wordList.Length + 1];
        var chars = new StringBuilder();
        for (var w = 0; w < wordList.Length; w++)
        {
            chars.Append(wordList[w]);
            wordStart[w + 1] = chars.Length;
        }

        return new TermDictionary(keys, slots, partStart, parts, wordStart, chars.ToString().ToCharArray());
    }

    private delegate void TermAction(ReadOnlySpan<char> text, int offset, int docs);

    /// <summary>Calls <paramref name="action"/> for each term of a segment's term list, its text decoded.</summary>
    private static void Each(ReadOnlySpan<byte> terms, long segmentId, TermAction action)
    {
        var at = 0;
        var count = SegmentReader.TermCount(terms, ref at);
        Span<char> chars = stackalloc char[256];
        for (var t = 0; t < count; t++)
        {
            var (start, length, offset, docs) = SegmentReader.NextTerm(terms, ref at, segmentId);
            var utf8 = terms.Slice(start, length);
            var text = length <= chars.Length ? chars[..Encoding.UTF8.GetChars(utf8, chars)] : Encoding.UTF8.GetString(utf8).AsSpan();
            action(text, offset, docs);
        }
    }

    private static bool IsHan(ReadOnlySpan<char> text) =>
        text.Length is 1 or 2 && TextNormalizer.KindOf(text[0]) == CharKind.Cjk && (text.Length == 1 || TextNormalizer.KindOf(text[1]) == CharKind.Cjk);
}
