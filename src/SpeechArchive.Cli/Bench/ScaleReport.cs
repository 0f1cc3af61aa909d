using System.Globalization;
using System.Text;

namespace SpeechArchive.Cli.Bench;

/// <summary>The Markdown report of <c>bench --scale</c>: one column per N with its ratio to ×1, the cost curve, and issue 15's targets.</summary>
internal static class ScaleReport
{
    private const double MB = 1e6;

    /// <summary>A measure: its values for a run (several shown as a / b), how they are written, and its name in the cost curve (of the last value), if any.</summary>
    private sealed record Row(string Measure, Func<ScaleRun, double?[]> Values, string Format, string? Curve = null);

    private static readonly Row[] Rows =
    [
        new("speeches · passages", r => [r.Speeches, r.Passages], "N0"),
        new("characters (M)", r => [r.Characters / MB], "F1"),
        new("archive written (corpus copied, rounds recombined), s", r => [r.WriteSeconds], "F1"),
        new("build up to the lexical commit, s", r => [r.LexicalSeconds], "F1", "build (lexical)"),
        new("vector stage after the commit, s", r => [r.VectorSeconds], "F1", "vector stage"),
        new("build in all, s", r => [r.BuildSeconds], "F1", "build in all"),
        new("peak resident of the index command (VmHWM), MB", r => [r.BuildPeakBytes / MB], "F0", "build peak"),
        new("index on disk, MB", r => [r.IndexBytes / MB], "F0", "index size"),
        new("snapshot load in process, s", r => [r.LoadSeconds], "F2", "snapshot load"),
        new("passage vectors ready after the load, s", r => [r.MeaningSeconds], "F2"),
        new("live managed heap of the snapshot in process: loaded / vectors ready / after the mix, MB", r => [.. r.ManagedBytes.Select(b => (double?)(b / MB))], "F0", "managed heap"),
        new("web app ready (start → first answered `依法`), s", r => [r.ReadySeconds], "F2", "ready"),
        new("web app at ready: VmRSS / RssAnon, MB", r => [r.AtReady?.Rss / MB, r.AtReady?.RssAnon / MB], "F0"),
        new("web app after the HTTP load: VmRSS / RssAnon, MB", r => [r.AfterLoad?.Rss / MB, r.AfterLoad?.RssAnon / MB], "F0", "RssAnon after the load"),
        new("web app peak resident (VmHWM), MB", r => [r.AfterLoad?.Peak / MB], "F0", "peak resident"),
        .. QueryMix.Classes.Select(c => new Row($"{c.Class}, in process, p50 / p99 ms", r => Class(r, c.Class), "F2")),
        new("**whole mix, in process, p50 / p99 ms**", r => [r.Whole.P50, r.Whole.P99], "F2", "mix p99"),
        new($"`依法` at {ScaleBench.Clients} clients, first {ScaleBench.FirstSeconds.TotalSeconds:F0} s after ready: req/s · p50 / p99 ms", r => [r.First?.PerSecond, r.First?.P50, r.First?.P99], "F1", "first-seconds p99"),
        new($"`依法` at {ScaleBench.Clients} clients, warm: req/s", r => [r.Warm?.PerSecond], "F0", "req/s"),
        new($"`依法` at {ScaleBench.Clients} clients, warm: p50 / p99 ms", r => [r.Warm?.P50, r.Warm?.P99], "F2", "HTTP p99"),
        new($"{ScaleBench.ManyWordCount} words at {ScaleBench.Clients} clients, first {ScaleBench.FirstSeconds.TotalSeconds:F0} s after ready: req/s · p50 / p99 ms", r => [r.ManyFirst?.PerSecond, r.ManyFirst?.P50, r.ManyFirst?.P99], "F1", "many words, first-seconds p99"),
        new($"{ScaleBench.ManyWordCount} words at {ScaleBench.Clients} clients, warm: req/s · p50 / p99 ms", r => [r.ManyWarm?.PerSecond, r.ManyWarm?.P50, r.ManyWarm?.P99], "F1", "many words, HTTP p99"),
        new($"web app after the {ScaleBench.ManyWordCount}-word load: VmRSS / RssAnon, MB", r => [r.AfterManyWords?.Rss / MB, r.AfterManyWords?.RssAnon / MB], "F0", "RssAnon after many words"),
        new("HTTP errors (first seconds · warm; many words: first seconds · warm)", r => [r.First?.Errors, r.Warm?.Errors, r.ManyFirst?.Errors, r.ManyWarm?.Errors], "N0"),
    ];

    public static string Render(string header, IReadOnlyList<ScaleRun> runs)
    {
        var sb = new StringBuilder(header).AppendLine();
        if (runs.Count == 0)
        {
            return sb.ToString();
        }

        var baseline = runs[0];
        sb.Append("| measure | ").AppendJoin(" | ", runs.Select((r, i) => i == 0 ? $"×{r.Times}" : $"×{r.Times} | ÷ ×{baseline.Times}")).AppendLine(" |");
        sb.Append("| --- | ").AppendJoin(" | ", runs.Select((_, i) => i == 0 ? "---" : "--- | ---")).AppendLine(" |");
        foreach (var row in Rows)
        {
            var first = row.Values(baseline);
            sb.Append("| ").Append(row.Measure).Append(" | ").AppendJoin(" | ", runs.Select((r, i) =>
            {
                var values = row.Values(r);
                var cell = string.Join(" / ", values.Select(v => Format(v, row.Format)));
                return i == 0 ? cell : cell + " | " + string.Join(" / ", values.Select((v, j) => Ratio(v, first[j])));
            })).AppendLine(" |");
        }

        sb.AppendLine();
        sb.Append("Load average (1, 5, 15 min) before → after each run: ")
            .AppendJoin("; ", runs.Select(r => $"×{r.Times} {r.LoadAverageBefore} → {r.LoadAverageAfter}")).AppendLine(".");
        if (runs.Any(r => r.Failures > 0))
        {
            sb.Append("Files not indexed: ").AppendJoin("; ", runs.Select(r => $"×{r.Times} {r.Failures}")).AppendLine(".");
        }

        var last = runs[^1];
        if (last.Times > baseline.Times)
        {
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"Cost curve, ×{baseline.Times} → ×{last.Times} (ratio, and b where the measure grows as N^b: 1 is linear): ")
                .AppendJoin("; ", Rows.Where(r => r.Curve is not null).Select(r => Curve(r, baseline, last)).OfType<string>()).AppendLine(".");
            sb.AppendLine();
            Targets(sb, baseline, last);
        }

        return sb.ToString();
    }

    /// <summary>Issue 15's acceptance (set for ×10) applied to the largest run, against the ×1 run of the same bench.</summary>
    private static void Targets(StringBuilder sb, ScaleRun baseline, ScaleRun last)
    {
        var n = (double)last.Times / baseline.Times;
        string Met(bool? met) => met switch { true => "met", false => "**not met**", null => "not measured" };
        sb.AppendLine(CultureInfo.InvariantCulture, $"Issue 15's targets (set for ×10) at ×{last.Times}:");
        var lexical = last.LexicalSeconds / baseline.LexicalSeconds;
        var all = last.BuildSeconds / baseline.BuildSeconds;
        sb.AppendLine(CultureInfo.InvariantCulture, $"- build ≤ {1.2 * n:F0}× the ×{baseline.Times} time: up to the lexical commit {lexical:F1}× — {Met(lexical <= 1.2 * n)}; with the vector stage {all:F1}× — {Met(all <= 1.2 * n)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- serving RssAnon ≤ 1.5 GB: {Gb(last.AfterLoad?.RssAnon)} after the HTTP load — {Met(last.AfterLoad is { } m ? m.RssAnon <= 1.5e9 : null)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- serving RssAnon ≤ 1.5 GB under {ScaleBench.ManyWordCount} different words too (not the issue's load, the archive's): {Gb(last.AfterManyWords?.RssAnon)} after it — {Met(last.AfterManyWords is { } many ? many.RssAnon <= 1.5e9 : null)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- ready ≤ 3 s: {Format(last.ReadySeconds, "F2")} s — {Met(last.ReadySeconds is { } ready ? ready <= 3 : null)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- in-process p99 over the mix ≤ 10 ms: {last.Whole.P99:F2} ms — {Met(last.Whole.P99 <= 10)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- `依法` at {ScaleBench.Clients} clients ≥ 1,500 req/s with p99 ≤ 25 ms after the warm-up: {Format(last.Warm?.PerSecond, "F0")} req/s, p99 {Format(last.Warm?.P99, "F2")} ms — {Met(last.Warm is { } w ? w.PerSecond >= 1500 && w.P99 <= 25 : null)}");
        foreach (var r in new[] { baseline, last })
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- ×{r.Times}: the first {ScaleBench.FirstSeconds.TotalSeconds:F0} s after ready no worse than 3× the warm p99: {Format(r.First?.P99, "F2")} against 3 × {Format(r.Warm?.P99, "F2")} ms — {Met(r.First is { } f && r.Warm is { } warm ? f.P99 <= 3 * warm.P99 : null)}");
        }
    }

    private static double?[] Class(ScaleRun run, string name) =>
        run.Classes.FirstOrDefault(c => c.Class == name) is { } c ? [c.P50, c.P99] : [null, null];

    private static string? Curve(Row row, ScaleRun baseline, ScaleRun last)
    {
        if (row.Values(baseline)[^1] is not { } from || row.Values(last)[^1] is not { } to || from <= 0 || to <= 0)
        {
            return null;
        }

        var b = Math.Log(to / from) / Math.Log((double)last.Times / baseline.Times);
        return string.Create(CultureInfo.InvariantCulture, $"{row.Curve} {to / from:F2}× (b {b:F2})");
    }

    private static string Ratio(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 ? string.Create(CultureInfo.InvariantCulture, $"{v / b:F2}×") : "–";

    private static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Gb(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1e9:F2} GB") : "–";
}
