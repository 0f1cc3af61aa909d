using System.Collections.Concurrent;

namespace SpeechArchive.Search;

/// <summary>
/// Work by key done once for the callers that ask for it at the same time: a caller asking for a key whose value is being
/// made waits for that making and takes its value (or its exception) instead of making it again (Go's singleflight, the
/// loading caches of Guava and Caffeine). For the per-snapshot caches of a word's costly first search (its decoded
/// postings, the passages whose text holds it, a broad word's counts): under many clients a word asked for the first time
/// is asked by several at once, and each made the same arrays (所在地 at ×10: 0.9 s and 110 MB a time). Nothing is kept
/// once the making ends; the caller's own cache keeps the value, and <c>make</c> should look there first.
/// </summary>
internal sealed class SingleFlight<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> flights = new();

    /// <summary>The value of <paramref name="make"/> for <paramref name="key"/>, made by this caller or by the one already making it.</summary>
    public TValue Run(TKey key, Func<TValue> make)
    {
        var mine = new Lazy<TValue>(make, LazyThreadSafetyMode.ExecutionAndPublication);
        var running = flights.GetOrAdd(key, mine);
        try
        {
            return running.Value;
        }
        finally
        {
            if (ReferenceEquals(running, mine))
            {
                flights.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, mine));
            }
        }
    }
}
