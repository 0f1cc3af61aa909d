using System.Diagnostics;

namespace SpeechArchive.Cli.Bench;

/// <summary>A bounded loopback load generator: N clients, each sending requests back to back until the duration ends.</summary>
internal static class HttpLoad
{
    public sealed record Result(int Clients, int Requests, int Errors, double Seconds, double P50, double P99)
    {
        public double PerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(Uri baseUri, IReadOnlyList<string> paths, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>[clients];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            var i = c;
            while (clock.Elapsed < duration)
            {
                var path = paths[i++ % paths.Count];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path).ConfigureAwait(false);
                    _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).ToList();
        var (p50, p99, _) = Percentiles.Of(all);
        return new Result(clients, all.Count, errors, clock.Elapsed.TotalSeconds, p50, p99);
    }
}
