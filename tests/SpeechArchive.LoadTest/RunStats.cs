using System.Collections.Concurrent;

namespace SpeechArchive.LoadTest;

/// <summary>What one run at a fixed rate measured: requests sent and answered, errors, latency percentiles.</summary>
internal sealed class RunStats(int targetRate, TimeSpan duration)
{
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<string, int> errors = new();

    public int TargetRate { get; } = targetRate;

    public TimeSpan Duration { get; } = duration;

    public int Sent { get; set; }

    public int Answered => latencies.Count;

    public int Errors => errors.Values.Sum();

    public double AchievedRate => Answered / Duration.TotalSeconds;

    public IReadOnlyDictionary<string, int> ErrorKinds => errors;

    public void Ok(double milliseconds) => latencies.Add(milliseconds);

    public void Error(string kind) => errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public double Percentile(double p)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    /// <summary>Every request answered without error, nearly at the target rate, and the slowest 1 % under a second.</summary>
    public bool Sustainable => Errors == 0 && Answered >= 0.97 * TargetRate * Duration.TotalSeconds && Percentile(99) < 1000;

    public override string ToString() =>
        $"{TargetRate,5} req/s target: {AchievedRate,7:0.0} req/s answered, {Errors} errors{(Errors > 0 ? " (" + string.Join(", ", ErrorKinds.Select(k => k.Key + ": " + k.Value)) + ")" : "")}, p50 {Percentile(50):0.0} ms, p99 {Percentile(99):0.0} ms";
}
