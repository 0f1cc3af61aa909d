namespace SpeechArchive.Analysis;

/// <summary>
/// Counts the n-grams of Han runs level by level with apriori pruning: an (n+1)-gram is counted only when both its
/// n-gram prefix and suffix reached the floor of their length. The (n+1)-grams counted are the neighbours of the n-grams that give
/// their boundary entropies; a neighbour left uncounted (one with a rare prefix or suffix) is counted as a distinct
/// one, like a run's edge.
/// </summary>
/// <remarks>
/// Each position holds the id of the frequent n-gram starting there (−1 if none), so a key is (id, character) and
/// needs no string. Threads count contiguous ranges of positions into tables of their own, merged into the first;
/// ids depend on the number of threads, but what leaves this type depends only on integer sums.
/// </remarks>
internal static class GramCounter
{
    private const char Separator = HanRuns.Separator;
    private const int Chunk = 1 << 16;

    /// <summary>
    /// Levels of frequent grams of lengths 1..<paramref name="maxLength"/> (index k holds length k + 1), with boundary sums;
    /// <paramref name="floors"/>[n] is the count a gram of length n needs to be kept (and extended).
    /// </summary>
    public static IReadOnlyList<GramLevel> Count(HanRuns runs, IReadOnlyList<int> floors, int maxLength, int threads)
    {
        var ranges = Ranges(runs.Length, threads);
        var tables = ranges.Select(_ => new GramTable(16)).ToArray();
        var levels = new List<GramLevel>();
        var current = new int[runs.Length];
        levels.Add(CountCharacters(runs, floors[1], current));
        var next = new int[runs.Length];
        for (var n = 1; n <= maxLength; n++)
        {
            var maps = CountExtensions(runs, current, next, n, tables, ranges);
            AddNeighbours(levels[n - 1], tables[0]);
            if (n == maxLength)
            {
                break;
            }

            var (longer, dense) = Promote(levels[n - 1], tables[0], floors[n + 1], n + 1);
            if (longer.Count == 0)
            {
                break;
            }

            Renumber(current, next, runs.Length, ranges, dense, maps);
            (current, next) = (next, current);
            levels.Add(longer);
        }

        return levels;
    }

    /// <summary>Every character (even below the floor, as single characters are always words); only frequent ones start longer grams.</summary>
    private static GramLevel CountCharacters(HanRuns runs, int floor, int[] ids)
    {
        var buffer = runs.Buffer;
        var counts = new int[65536];
        for (var i = 0; i < runs.Length; i++)
        {
            counts[buffer[i]]++;
        }

        counts[Separator] = 0;
        var idOf = new int[65536];
        var seen = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            idOf[c] = counts[c] > 0 ? seen++ : -1;
        }

        var level = new GramLevel(1, seen);
        for (var c = 0; c < counts.Length; c++)
        {
            if (idOf[c] >= 0)
            {
                level.Frequency[idOf[c]] = counts[c];
                level.First[idOf[c]] = (char)c;
                level.Last[idOf[c]] = (char)c;
                level.Prefix[idOf[c]] = -1;
                level.Suffix[idOf[c]] = -1;
                if (counts[c] < floor)
                {
                    idOf[c] = -1;
                }
            }
        }

        for (var i = 0; i < runs.Length; i++)
        {
            ids[i] = idOf[buffer[i]];
        }

        return level;
    }

    /// <summary>
    /// Counts the (n+1)-grams whose prefix and suffix are frequent, each range into its own table, and leaves each one's
    /// id in its table in <paramref name="next"/>; then merges the tables into the first. Returns, per range, the map
    /// from its table's ids to the first table's (null for the first range).
    /// </summary>
    private static int[]?[] CountExtensions(HanRuns runs, int[] ids, int[] next, int n, GramTable[] tables, (int From, int To)[] ranges)
    {
        var buffer = runs.Buffer;
        var end = runs.Length - 1;
        Parallel.For(0, ranges.Length, new ParallelOptions { MaxDegreeOfParallelism = ranges.Length }, t =>
        {
            var table = tables[t];
            table.Clear();
            var to = Math.Min(ranges[t].To, end);
            for (var i = Math.Max(1, ranges[t].From); i < to; i++)
            {
                var id = ids[i];
                var suffix = ids[i + 1];
                if (id >= 0 && suffix >= 0)
                {
                    var key = GramTable.Key(id, buffer[i + n]);
                    next[i] = table.Add(key, GramTable.Hash(key), suffix);
                }
            }
        });

        var maps = new int[]?[ranges.Length];
        for (var t = 1; t < ranges.Length; t++)
        {
            var map = new int[tables[t].Count];
            foreach (ref readonly var e in tables[t].Slots)
            {
                if (e.Key != 0)
                {
                    map[e.Id] = tables[0].Add(e.Key, GramTable.Hash(e.Key), e.Link, e.Count);
                }
            }

            maps[t] = map;
        }

        return maps;
    }

    private static void AddNeighbours(GramLevel level, GramTable table)
    {
        foreach (ref readonly var e in table.Slots)
        {
            if (e.Key != 0)
            {
                var prefix = (int)(e.Key >> 16);
                level.Right[prefix].Add(e.Count, (char)e.Key);
                level.Left[e.Link].Add(e.Count, level.First[prefix]);
            }
        }
    }

    /// <summary>The (n+1)-grams that reached the floor, by dense id, and the map from the table's ids to the dense ones (−1 for the rest).</summary>
    private static (GramLevel Level, int[] Dense) Promote(GramLevel shorter, GramTable table, int floor, int length)
    {
        var dense = new int[table.Count];
        Array.Fill(dense, -1);
        var count = 0;
        foreach (ref readonly var e in table.Slots)
        {
            if (e.Key != 0 && e.Count >= floor)
            {
                dense[e.Id] = count++;
            }
        }

        var level = new GramLevel(length, count);
        foreach (ref readonly var e in table.Slots)
        {
            if (e.Key != 0 && dense[e.Id] is var id and >= 0)
            {
                level.Frequency[id] = e.Count;
                level.Prefix[id] = (int)(e.Key >> 16);
                level.First[id] = shorter.First[level.Prefix[id]];
                level.Last[id] = (char)e.Key;
                level.Suffix[id] = e.Link;
            }
        }

        return (level, dense);
    }

    /// <summary>Turns the table ids in <paramref name="next"/> into dense ids, −1 where no frequent gram starts.</summary>
    private static void Renumber(int[] ids, int[] next, int length, (int From, int To)[] ranges, int[] dense, int[]?[] maps)
    {
        var composed = maps.Select(m => m is null ? dense : [.. m.Select(id => dense[id])]).ToArray();
        Parallel.For(0, (length + Chunk - 1) / Chunk, chunk =>
        {
            var from = chunk * Chunk;
            var to = Math.Min(length - 1, from + Chunk);
            var t = Array.FindLastIndex(ranges, r => r.From <= from);
            var map = composed[t];
            for (var i = from; i < to; i++)
            {
                next[i] = ids[i] >= 0 && ids[i + 1] >= 0 ? map[next[i]] : -1;
            }

            if (to == length - 1)
            {
                next[to] = -1;
            }
        });
    }

    /// <summary>One range of positions per thread, cut at multiples of the renumbering chunk.</summary>
    private static (int From, int To)[] Ranges(int length, int threads)
    {
        var chunks = (length + Chunk - 1) / Chunk;
        var count = Math.Clamp(threads, 1, Math.Max(1, chunks));
        var ranges = new (int, int)[count];
        for (var t = 0; t < count; t++)
        {
            ranges[t] = ((int)((long)chunks * t / count * Chunk), t == count - 1 ? length : (int)((long)chunks * (t + 1) / count * Chunk));
        }

        return ranges;
    }
}
