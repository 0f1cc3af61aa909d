using System.Collections.Concurrent;

namespace SpeechArchive.Search;

/// <summary>
/// Work by key done once for the callers that ask for it at the same time: a caller asking for a key whose value is being
/// made waits for that making and takes its value (or its exception) instead of making it again (Go's singleflight, the
/// loading caches of Guava and Caffeine). For the per-snapshot caches of a word's costly first search (its decoded
/// postings, the passages whose text holds it, a broad word's counts): under many clients a word asked for the first time
/// is asked by several at once, and each made the same arrays (所在地 at ×10: 0.9 s and 110 MB a time). The value is made
/// on the thread of the caller that asked first, with its own <c>make</c>, which must not ask this instance for the same
/// key. Nothing is kept once the making ends; the caller's own cache keeps the value, and <c>make</c> should look there
/// first.
/// </summary>
internal sealed class SingleFlight<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TaskCompletionSource<TValue>> flights = new();
    private int waiting;

    /// <summary>How many callers are waiting for another's making now (for tests).</summary>
    internal int Waiting => Volatile.Read(ref waiting);

    /// <summary>The value of <paramref name="make"/> for <paramref name="key"/>, made by this caller or by the one already making it.</summary>
    public TValue Run(TKey key, Func<TValue> make)
    {
        var mine = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = flights.GetOrAdd(key, mine);
        if (!ReferenceEquals(running, mine))
        {
            Interlocked.Increment(ref waiting);
            try
            {
                return running.Task.GetAwaiter().GetResult();
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }

        try
        {
            var value = make();
            mine.SetResult(value);
            return value;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception; // observed here: the waiters, if any, take it from the task
            throw;
        }
        finally
        {
            flights.TryRemove(new KeyValuePair<TKey, TaskCompletionSource<TValue>>(key, mine));
        }
    }
}
