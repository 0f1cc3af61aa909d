using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SpeechArchive.LoadTest;

/// <summary>The figures of a load test as markdown: machine, index, rate steps, the measured run and memory.</summary>
internal sealed class Report(JsonElement statistics)
{
    /// <summary>Resident memory may grow at most this share from the first to the last seconds of the measured run.</summary>
    public const double MaxGrowth = 0.10;

    public List<RunStats> Steps { get; } = [];

    public RunStats? WarmUp { get; set; }

    public RunStats? Settle { get; set; }

    public RunStats? Measured { get; set; }

    /// <summary>Resident bytes of the app, sampled each second of the measured run.</summary>
    public List<long> Memory { get; } = [];

    /// <summary>Median of the last five samples against the median of the first five.</summary>
    public double Growth => Memory.Count < 10 ? double.NaN : (double)Median(Memory.TakeLast(5)) / Median(Memory.Take(5)) - 1;

    public bool Passed => Measured is { Errors: 0 } && Growth < MaxGrowth;

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load generator and app on the same machine, over 127.0.0.1.");
        sb.AppendLine(c, $"Index: {statistics.GetProperty("speeches").GetInt32()} speeches, {statistics.GetProperty("passages").GetInt32()} passages, {statistics.GetProperty("characters").GetInt64():N0} characters.");
        sb.AppendLine("Mix: 70 % /api/search, 15 % search page, 10 % reader with hits marked, 5 % /api/facets; 20 queries (queries.tsv).");
        sb.AppendLine();
        if (Steps.Count > 0)
        {
            sb.AppendLine("| step (req/s) | answered (req/s) | errors | p50 (ms) | p99 (ms) | sustainable |");
            sb.AppendLine("| ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var s in Steps)
            {
                sb.AppendLine(c, $"| {s.TargetRate} | {s.AchievedRate:0.0} | {s.Errors} | {s.Percentile(50):0.0} | {s.Percentile(99):0.0} | {(s.Sustainable ? "yes" : "no")} |");
            }

            sb.AppendLine();
        }

        if (Measured is { } m)
        {
            sb.AppendLine("| measured run | |");
            sb.AppendLine("| --- | ---: |");
            sb.AppendLine(c, $"| rate | {m.TargetRate} req/s for {m.Duration.TotalSeconds:0} s, after {WarmUp?.Duration.TotalSeconds:0} s of warm-up at 100 req/s ({WarmUp?.Errors} errors) and 10 s at the rate ({Settle?.Errors} errors) |");
            sb.AppendLine(c, $"| requests | {m.Sent} sent, {m.Answered} answered ({m.AchievedRate:0.0} req/s) |");
            sb.AppendLine(c, $"| errors | {m.Errors}{(m.Errors > 0 ? " (" + string.Join(", ", m.ErrorKinds.Select(k => k.Key + ": " + k.Value)) + ")" : "")} |");
            sb.AppendLine(c, $"| latency | p50 {m.Percentile(50):0.0} ms, p95 {m.Percentile(95):0.0} ms, p99 {m.Percentile(99):0.0} ms, max {m.Percentile(100):0.0} ms |");
            sb.AppendLine(c, $"| resident memory | {Mb(Median(Memory.Take(5)))} at the start, {Mb(Median(Memory.TakeLast(5)))} at the end, {Mb(Memory.DefaultIfEmpty().Max())} peak: {Growth:+0.0%;-0.0%} (limit +{MaxGrowth:0%}) |");
            sb.AppendLine(c, $"| verdict | {(Passed ? "passed" : "FAILED")} |");
        }

        return sb.ToString();
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
