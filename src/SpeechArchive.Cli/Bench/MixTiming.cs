namespace SpeechArchive.Cli.Bench;

/// <summary>The timings of one class of the query mix (or of the whole mix), in milliseconds.</summary>
internal sealed record MixTiming(string Class, IReadOnlyList<string> Queries, int Requests, double P50, double P99, double Max)
{
    public static MixTiming Of(string name, IReadOnlyList<string> queries, List<double> samples)
    {
        var (p50, p99, max) = Percentiles.Of(samples);
        return new MixTiming(name, queries, samples.Count, p50, p99, max);
    }
}
