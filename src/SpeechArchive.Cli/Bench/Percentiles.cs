namespace SpeechArchive.Cli.Bench;

/// <summary>Latency percentiles over a sample of durations in milliseconds.</summary>
internal static class Percentiles
{
    public static (double P50, double P99, double Max) Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return (0, 0, 0);
        }

        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (At(0.50), At(0.99), sorted[^1]);
    }
}
