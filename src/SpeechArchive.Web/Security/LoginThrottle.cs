using System.Collections.Concurrent;

namespace SpeechArchive.Web.Security;

/// <summary>Counts failed admin attempts per client address: after <see cref="MaxFailures"/> within <see cref="Window"/> further attempts are refused.</summary>
internal sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string client)
    {
        if (!failures.TryGetValue(client, out var times))
        {
            return false;
        }

        lock (times)
        {
            Prune(times);
            return times.Count >= MaxFailures;
        }
    }

    public void RecordFailure(string client)
    {
        var times = failures.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Prune(times);
            times.Enqueue(clock.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> times)
    {
        var cutoff = clock.GetUtcNow() - Window;
        while (times.Count > 0 && times.Peek() < cutoff)
        {
            times.Dequeue();
        }
    }
}
