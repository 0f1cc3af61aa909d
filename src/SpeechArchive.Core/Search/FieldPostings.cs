using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpeechArchive.Search;

/// <summary>
/// Postings of every pair of adjacent characters over a small field (speech titles, section headings): which strings hold a
/// form is then a check of the few strings that hold its rarest pair instead of all of them. The postings are made in the
/// background (by <see cref="Prepare"/>, or started by the first <see cref="Matching"/>); until they are there, a search
/// checks every string (once <see cref="Join"/> has joined them, in one pass), which gives the same strings in the same
/// order, so no search waits for them; what a check found is kept by form until the postings serve.
/// </summary>
internal sealed class FieldPostings
{
    /// <summary>Between the strings joined for a check of all of them; a string (or form) holding it is checked alone.</summary>
    private const char Separator = '\uFFFF';

    private readonly string[]? values;
    private readonly (string Text, int[] Starts)? arena;
    private readonly Lazy<PairPostings> pairs;
    private Lazy<(string Text, int[] Starts)?>? joined;
    private LeastRecentlyUsed<int[]>? checkedForms = new(CheckedCapacity, strings => strings.Length + 16);
    private int started;

    /// <summary>
    /// How many string indices the lookups made by checking the strings keep (by form) until the postings serve: the first
    /// searches after a start repeat their words, and each check reads every string (at ×10, the headings: 2 to 4 ms).
    /// </summary>
    private const int CheckedCapacity = 1 << 20;

    private FieldPostings(string[] values)
    {
        this.values = values;
        Count = values.Length;
        pairs = new(() => Pairs(this));
        joined = new(() => Join(values));
    }

    private FieldPostings((string Text, int[] Starts) arena, bool joinable)
    {
        this.arena = arena;
        Count = arena.Starts.Length;
        pairs = new(() => Pairs(this));
        joined = new(() => joinable ? arena : null);
        _ = joined.Value; // joined already
    }

    public int Count { get; }

    /// <summary>Whether the first lookup starts making the postings in the background.</summary>
    private bool StartsInBackground { get; init; } = true;

    /// <summary>Strings whose postings are never made: every lookup checks the strings (for tests, to hold those checks to the postings).</summary>
    internal static FieldPostings Unprepared(string[] values) => new(values) { StartsInBackground = false };

    /// <summary>As <see cref="Written"/>, never making its postings (for tests).</summary>
    internal static FieldPostings UnpreparedWritten(int count, Func<int, int> capacity, SpanWriter write)
    {
        var (arena, joinable) = Write(count, capacity, write);
        return new(arena, joinable) { StartsInBackground = false };
    }

    /// <summary>The <paramref name="i"/>-th string.</summary>
    public ReadOnlySpan<char> Value(int i)
    {
        if (values is not null)
        {
            return values[i];
        }

        var (text, starts) = arena!.Value;
        var end = i + 1 < starts.Length ? starts[i + 1] - 1 : text.Length;
        return text.AsSpan(starts[i], end - starts[i]);
    }

    /// <summary>The postings over <paramref name="values"/>, made by <see cref="Prepare"/> or in the background after the first search.</summary>
    public static FieldPostings Build(string[] values) => new(values);

    /// <summary>
    /// The postings over <paramref name="count"/> strings made for them alone, written into one (joined by the separator):
    /// <paramref name="write"/> writes the i-th into its span, of <paramref name="capacity"/>(i) characters, and returns its
    /// length. Two objects rather than one per string, which the collections of the first searches beside the build would
    /// copy from generation to generation.
    /// </summary>
    public static FieldPostings Written(int count, Func<int, int> capacity, SpanWriter write)
    {
        var (arena, joinable) = Write(count, capacity, write);
        return new(arena, joinable);
    }

    private static ((string Text, int[] Starts) Arena, bool Joinable) Write(int count, Func<int, int> capacity, SpanWriter write)
    {
        var total = 0L;
        for (var i = 0; i < count; i++)
        {
            total += capacity(i) + 1;
        }

        var buffer = new char[Math.Max(0, total - 1)];
        var starts = new int[count];
        var (at, joinable) = (0, true);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer[at++] = Separator;
            }

            starts[i] = at;
            var length = write(i, buffer.AsSpan(at, capacity(i)));
            joinable = joinable && !buffer.AsSpan(at, length).Contains(Separator);
            at += length;
        }

        return ((new string(buffer, 0, at), starts), joinable);
    }

    /// <summary>Writes a string into <paramref name="destination"/> and returns how many characters it wrote.</summary>
    public delegate int SpanWriter(int index, Span<char> destination);

    /// <summary>Says that <see cref="Prepare"/> will be called: the first lookups then start no build of their own beside it.</summary>
    public void WillPrepare() => Interlocked.Exchange(ref started, 1);

    /// <summary>Makes the char-pair postings now (returns when they are made).</summary>
    public void Prepare()
    {
        _ = pairs.Value;
        (joined, checkedForms) = (null, null); // the postings serve from now on
    }

    /// <summary>
    /// Joins the strings now, so that lookups until the postings are made search them in one pass rather than one string at a
    /// time (the first lookups do that: they do not wait for the join).
    /// </summary>
    public void Join()
    {
        if (joined is { } strings)
        {
            _ = strings.Value;
        }
    }

    /// <summary>The strings joined by <see cref="Separator"/> with where each starts (null when one holds the separator).</summary>
    private static (string Text, int[] Starts)? Join(string[] values)
    {
        var starts = new int[values.Length];
        var at = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Contains(Separator, StringComparison.Ordinal))
            {
                return null;
            }

            starts[i] = at;
            at += values[i].Length + 1;
        }

        return (string.Join(Separator, values), starts);
    }

    /// <summary>
    /// Every pair's strings, ascending, in one array (<see cref="PairPostings.Ids"/>), each pair's range found by its key: two
    /// passes, one counting and one filling, so the build makes two objects rather than a growing list and an array per
    /// pair, whose survivors the collections of the first searches beside it would copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per snapshot: compiled optimised from the start
    private static PairPostings Pairs(FieldPostings values)
    {
        // Counting: Last is the last string counted plus one, so a pair a string holds twice counts once.
        var ranges = new Dictionary<int, PairRange>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values.Value(i);
            for (var c = 0; c + 1 < v.Length; c++)
            {
                ref var range = ref CollectionsMarshal.GetValueRefOrAddDefault(ranges, Key(v[c], v[c + 1]), out _);
                if (range.Last != i + 1)
                {
                    (range.Count, range.Last) = (range.Count + 1, i + 1);
                }
            }
        }

        var start = 0;
        foreach (var key in ranges.Keys)
        {
            ref var range = ref CollectionsMarshal.GetValueRefOrNullRef(ranges, key);
            (range.Start, range.Last, start) = (start, start, start + range.Count);
        }

        // Filling: Last is now where the pair's next string goes.
        var ids = new int[start];
        for (var i = 0; i < values.Count; i++)
        {
            var v = values.Value(i);
            for (var c = 0; c + 1 < v.Length; c++)
            {
                ref var range = ref CollectionsMarshal.GetValueRefOrNullRef(ranges, Key(v[c], v[c + 1]));
                if (range.Last == range.Start || ids[range.Last - 1] != i)
                {
                    ids[range.Last++] = i;
                }
            }
        }

        return new PairPostings(ranges, ids);
    }

    /// <summary>A pair's strings: <see cref="Count"/> of them from <see cref="Start"/> in <see cref="PairPostings.Ids"/>; <see cref="Last"/> serves the build.</summary>
    private struct PairRange
    {
        public int Start;
        public int Count;
        public int Last;
    }

    /// <summary>The char-pair postings: each pair's range (by <see cref="Key"/>) in one array of string indices.</summary>
    private sealed record PairPostings(Dictionary<int, PairRange> Ranges, int[] Ids)
    {
        /// <summary>The strings holding the pair <paramref name="key"/>, ascending (empty when none does).</summary>
        public ReadOnlySpan<int> Of(int key) =>
            Ranges.TryGetValue(key, out var range) ? Ids.AsSpan(range.Start, range.Count) : [];
    }

    /// <summary>The strings that hold <paramref name="form"/> (ordinal), ascending.</summary>
    public List<int> Matching(string form)
    {
        var result = new List<int>();
        if (form.Length < 2 || !pairs.IsValueCreated)
        {
            if (form.Length >= 2 && StartsInBackground && Interlocked.Exchange(ref started, 1) == 0)
            {
                _ = Task.Run(Prepare); // for the next searches
            }

            var kept = checkedForms;
            if (kept is not null && kept.TryGet(form, out var strings))
            {
                result.AddRange(strings);
                return result;
            }

            Check(form, result);
            kept?.Add(form, [.. result]);
            return result;
        }

        var rarest = ReadOnlySpan<int>.Empty;
        var postings = pairs.Value;
        for (var c = 0; c + 1 < form.Length; c++)
        {
            var list = postings.Of(Key(form[c], form[c + 1]));
            if (list.IsEmpty)
            {
                return result;
            }

            if (c == 0 || list.Length < rarest.Length)
            {
                rarest = list;
            }
        }

        if (form.Length == 2 && !Analysis.MatchText.EdgesRunOn(form))
        {
            result.AddRange(rarest); // a string holding the pair holds the form
            return result;
        }

        foreach (var i in rarest)
        {
            if (Analysis.MatchText.HoldsWhole(Value(i), form))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>Adds the strings that hold <paramref name="form"/>, ascending, by checking them (joined, in one pass, once <see cref="Join"/> has joined them).</summary>
    private void Check(string form, List<int> result)
    {
        if (form.Length > 0 && !form.Contains(Separator, StringComparison.Ordinal) && joined is { IsValueCreated: true } strings && strings.Value is var (text, starts))
        {
            // One search over all the strings joined: each string holding the form once, ascending.
            for (var at = Analysis.MatchText.HoldsWholeFrom(text, form, 0); at >= 0;)
            {
                var i = Array.BinarySearch(starts, at);
                i = i >= 0 ? i : ~i - 1;
                result.Add(i);
                var next = i + 1 < starts.Length ? starts[i + 1] : text.Length;
                at = next >= text.Length ? -1 : Analysis.MatchText.HoldsWholeFrom(text, form, next);
            }

            return;
        }

        for (var i = 0; i < Count; i++)
        {
            if (Analysis.MatchText.HoldsWhole(Value(i), form))
            {
                result.Add(i);
            }
        }
    }

    private static int Key(char a, char b) => (a << 16) | b;
}
