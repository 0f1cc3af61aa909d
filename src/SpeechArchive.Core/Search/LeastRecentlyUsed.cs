namespace SpeechArchive.Search;

/// <summary>
/// Values by string key, bounded by their total <paramref name="weight"/>: the least recently used dropped first to make
/// room (thread-safe). The store of the per-snapshot caches (<see cref="BroadCounts"/>, <see cref="PhraseMatches"/>): a
/// snapshot never changes, so a key's value stays exact for its life and is never replaced.
/// </summary>
internal sealed class LeastRecentlyUsed<T>(long capacity, Func<T, long> weight)
{
    private readonly Dictionary<string, (T Value, long Used)> entries = new(StringComparer.Ordinal);
    private long clock;
    private long total;

    /// <summary>The kept values' weight together.</summary>
    public long Weight
    {
        get
        {
            lock (entries)
            {
                return total;
            }
        }
    }

    public bool TryGet(string key, out T value)
    {
        lock (entries)
        {
            if (entries.TryGetValue(key, out var entry))
            {
                entries[key] = (entry.Value, ++clock);
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> (unless one is kept there), dropping the least recently used until it fits.</summary>
    public void Add(string key, T value)
    {
        var w = weight(value);
        lock (entries)
        {
            if (entries.ContainsKey(key))
            {
                return;
            }

            while (total + w > capacity && entries.Count > 0)
            {
                var oldest = entries.MinBy(e => e.Value.Used);
                total -= weight(oldest.Value.Value);
                entries.Remove(oldest.Key);
            }

            entries[key] = (value, ++clock);
            total += w;
        }
    }
}
