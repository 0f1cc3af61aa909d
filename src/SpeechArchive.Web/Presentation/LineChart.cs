using System.Globalization;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A line chart drawn on the server as SVG (no script, no inline style: colours come from the stylesheet by series index):
/// one line per series over a continuous year axis, with points that carry their value in a tooltip.
/// </summary>
/// <remarks>
/// Drawn for the width it gets rather than scaled to it: the SVG has no viewBox, so nothing in it is scaled and its labels
/// keep the stylesheet's font size at every width (a 760-unit viewBox squeezed into a phone's 330 px column drew them at
/// about 4 px; two drawings for two widths would double the page and still scale between them). Vertical positions are
/// pixels of a fixed height; horizontal ones are percentages of the plot's width, which SVG lengths allow where polyline
/// points do not, so each line is drawn as segments between neighbouring years. The value labels hang left of the plot
/// in the SVG's margin (the stylesheet lets it overflow). Year ticks fall on round years (every 1, 2, 5, 10, 20, 25, 50…
/// years, at most ten, whatever the span: 1921–2025 gives 1930, 1940 … 2020); past five, every other one is marked minor
/// and the stylesheet hides those on narrow screens, where ten labels would collide. The caption names the whole span.
/// </remarks>
internal sealed class LineChart
{
    /// <summary>The SVG's height in pixels: the plot between <see cref="Top"/> and <see cref="Height"/> − <see cref="Bottom"/>, year labels below.</summary>
    public const int Height = 280;
    public const int Top = 12;
    public const int Bottom = 32;

    /// <summary>Where the value labels end, left of the plot (pixels; the plot starts at 0).</summary>
    public const int LabelGap = 8;

    /// <summary>The baseline of the year labels.</summary>
    public const int YearLabelY = Height - 10;

    /// <summary>No more year ticks than this, at any span.</summary>
    public const int MaxYearTicks = 10;

    private static readonly int[] YearSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

    public required IReadOnlyList<LineSeries> Series { get; init; }
    /// <summary>Grid lines: the line's y, the label's y (pixels, invariant culture) and the label.</summary>
    public required IReadOnlyList<(string Y, string LabelY, string Label)> YTicks { get; init; }
    /// <summary>Year labels: x (a percentage of the plot's width, invariant culture), the label, and whether it stays on narrow screens.</summary>
    public required IReadOnlyList<(string X, string Label, bool Major)> XTicks { get; init; }
    public required string Caption { get; init; }

    public static LineChart? Create(IReadOnlyList<int> years, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string unit, string caption, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(format);
        if (years.Count == 0 || series.Count == 0)
        {
            return null;
        }

        var (first, last) = (years.Min(), years.Max());
        var max = NiceCeiling(series.SelectMany(s => s.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max());
        const int plotHeight = Height - Top - Bottom;
        double X(int year) => last == first ? 50 : (year - first) * 100.0 / (last - first);
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);

        // A NaN value (a year without text) breaks the line rather than dropping it to zero.
        var radius = years.Count > 40 ? "1.5" : "2.5";
        var lines = series.Select((s, k) => new LineSeries(
            s.Name,
            k % 8,
            Segments(s.Values).SelectMany(run => run.Zip(run.Skip(1), (a, b) => new ChartSegment(
                Percent(X(years[a])), Number(Y(s.Values[a])), Percent(X(years[b])), Number(Y(s.Values[b]))))).ToList(),
            s.Values.Select((v, i) => (v, i)).Where(x => !double.IsNaN(x.v))
                .Select(x => new ChartPoint(Percent(X(years[x.i])), Number(Y(x.v)), $"{years[x.i]}年 {s.Name}：{format(x.v)}{unit}")).ToList(),
            radius)).ToList();
        var xTicks = YearTicks(first, last).Select(t => (Percent(X(t.Year)), t.Year.ToString(CultureInfo.InvariantCulture), t.Major)).ToList();
        var yTicks = new[] { 0, 0.5, 1 }.Select(f => (Number(Y(max * f)), Number(Y(max * f) + 4), format(max * f))).ToList();
        var span = first == last ? $"{first}年" : $"{first}–{last}年";
        return new LineChart { Series = lines, XTicks = xTicks, YTicks = yTicks, Caption = $"{caption}（{span}）" };
    }

    /// <summary>
    /// The round years to label between <paramref name="first"/> and <paramref name="last"/>: multiples of the smallest of
    /// 1, 2, 5, 10, 20, 25, 50… that gives at most <see cref="MaxYearTicks"/>; past five, every other one is minor.
    /// </summary>
    public static IReadOnlyList<(int Year, bool Major)> YearTicks(int first, int last)
    {
        if (last <= first)
        {
            return [(first, true)];
        }

        var span = last - first;
        var step = YearSteps.FirstOrDefault(s => (last / s) - ((first + s - 1) / s) + 1 <= MaxYearTicks, YearSteps[^1]);
        var ticks = Enumerable.Range(first, span + 1).Where(y => y % step == 0).ToList();
        var thin = ticks.Count > 5;
        return ticks.Select(y => (y, !thin || y / step % 2 == 0)).ToList();
    }

    /// <summary>An SVG &lt;text&gt; label (Razor reserves the tag name), its content HTML-encoded.</summary>
    public static string Label(string cssClass, object x, string y, string text) =>
        $"<text class=\"{cssClass}\" x=\"{Convert.ToString(x, CultureInfo.InvariantCulture)}\" y=\"{y}\">{System.Net.WebUtility.HtmlEncode(text)}</text>";

    /// <summary>1, 2 or 5 times a power of ten at or above <paramref name="value"/> (a clean top for the axis).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1.0, 2, 2.5, 5, 10 })
        {
            if (m * power >= value)
            {
                return m * power;
            }
        }

        return 10 * power;
    }

    /// <summary>The runs of consecutive indices with a value.</summary>
    private static IEnumerable<List<int>> Segments(IReadOnlyList<double> values)
    {
        var current = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i]))
            {
                if (current.Count > 0)
                {
                    yield return current;
                    current = [];
                }
            }
            else
            {
                current.Add(i);
            }
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static string Percent(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Number(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One line: its name, its colour slot (0–7), its segments (none across a year without a value), the points with tooltips and their radius.</summary>
internal sealed record LineSeries(string Name, int Slot, IReadOnlyList<ChartSegment> Segments, IReadOnlyList<ChartPoint> Markers, string Radius);

/// <summary>A stretch of line between two neighbouring years: x as percentages of the plot's width, y in pixels (invariant culture).</summary>
internal sealed record ChartSegment(string X1, string Y1, string X2, string Y2);

/// <summary>A data point (x a percentage of the plot's width, y in pixels; invariant culture) and its tooltip.</summary>
internal sealed record ChartPoint(string X, string Y, string Title);
