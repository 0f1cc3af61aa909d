namespace SpeechArchive.Cli.Bench;

/// <summary>The timings of one class of the query mix (or of the whole mix), in milliseconds.</summary>
internal sealed record MixTiming(string Class, IReadOnlyList<string> Queries, int Requests, double P50, double P99, double Max)
{
    /// <summary>Each query's own p50 and p99 (the samples taken in turn, query after query); empty for the whole mix.</summary>
    public IReadOnlyList<(string Query, double P50, double P99)> PerQuery { get; init; } = [];

    public static MixTiming Of(string name, IReadOnlyList<string> queries, List<double> samples)
    {
        var (p50, p99, max) = Percentiles.Of(samples);
        var perQuery = queries.Count == 0 ? [] : queries.Select((q, i) =>
        {
            var (qp50, qp99, _) = Percentiles.Of([.. samples.Where((_, s) => s % queries.Count == i)]);
            return (q, qp50, qp99);
        }).ToList();
        return new MixTiming(name, queries, samples.Count, p50, p99, max) { PerQuery = perQuery };
    }
}
