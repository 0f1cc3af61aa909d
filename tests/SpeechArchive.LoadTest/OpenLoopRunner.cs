using System.Diagnostics;

namespace SpeechArchive.LoadTest;

/// <summary>
/// Sends requests at a fixed rate for a fixed time (open loop: a slow answer does not slow the sender, as with real users),
/// at most <see cref="MaxInFlight"/> at once (more is counted as an error), then waits for the stragglers. Stops by itself.
/// </summary>
internal sealed class OpenLoopRunner(HttpClient client, RequestMix mix)
{
    public const int MaxInFlight = 512;

    private long next;

    public async Task<RunStats> RunAsync(int rate, TimeSpan duration, Action<TimeSpan>? everySecond = null)
    {
        var stats = new RunStats(rate, duration);
        var inFlight = new List<Task>();
        var running = 0;
        var clock = Stopwatch.StartNew();
        var total = (int)(rate * duration.TotalSeconds);
        var lastSecond = 0;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            if ((int)clock.Elapsed.TotalSeconds > lastSecond)
            {
                lastSecond = (int)clock.Elapsed.TotalSeconds;
                everySecond?.Invoke(clock.Elapsed);
            }

            stats.Sent++;
            if (Volatile.Read(ref running) >= MaxInFlight)
            {
                stats.Error("too many in flight");
                continue;
            }

            Interlocked.Increment(ref running);
            inFlight.Add(SendAsync(mix.Url(Interlocked.Increment(ref next)), stats).ContinueWith(_ => Interlocked.Decrement(ref running), TaskScheduler.Default));
        }

        await Task.WhenAll(inFlight);
        return stats;
    }

    private async Task SendAsync(string url, RunStats stats)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(url);
            await response.Content.LoadIntoBufferAsync();
            if (response.IsSuccessStatusCode)
            {
                stats.Ok(clock.Elapsed.TotalMilliseconds);
            }
            else
            {
                stats.Error(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            stats.Error(e.GetType().Name);
        }
    }
}
