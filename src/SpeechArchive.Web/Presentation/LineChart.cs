using System.Globalization;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A line chart drawn on the server as SVG (no script, no inline style: colours come from the stylesheet by series index):
/// one polyline per series over a continuous year axis, with points that carry their value in a tooltip.
/// </summary>
internal sealed class LineChart
{
    public const int Width = 760;
    public const int Height = 280;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 32;

    public required IReadOnlyList<LineSeries> Series { get; init; }
    /// <summary>Grid lines: the line's y, the label's y (SVG coordinates, invariant culture) and the label.</summary>
    public required IReadOnlyList<(string Y, string LabelY, string Label)> YTicks { get; init; }
    /// <summary>Year labels: x (SVG coordinate, invariant culture) and the label.</summary>
    public required IReadOnlyList<(string X, string Label)> XTicks { get; init; }
    public required string Caption { get; init; }

    public static LineChart? Create(IReadOnlyList<int> years, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string unit, string caption, Func<double, string> format)
    {
        if (years.Count == 0 || series.Count == 0)
        {
            return null;
        }

        var max = NiceCeiling(series.SelectMany(s => s.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (years.Count == 1 ? plotWidth / 2.0 : (double)i * plotWidth / (years.Count - 1));
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);

        // A NaN value (a year without text) breaks the line rather than dropping it to zero.
        var radius = years.Count > 40 ? "1.5" : "2.5";
        var lines = series.Select((s, k) => new LineSeries(
            s.Name,
            k % 8,
            Segments(s.Values).Select(seg => string.Join(' ', seg.Select(i => Point(X(i), Y(s.Values[i]))))).ToList(),
            s.Values.Select((v, i) => (v, i)).Where(x => !double.IsNaN(x.v))
                .Select(x => new ChartPoint(Number(X(x.i)), Number(Y(x.v)), $"{years[x.i]}年 {s.Name}：{format(x.v)}{unit}")).ToList(),
            radius)).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(years.Count / 10.0));
        var xTicks = years.Select((y, i) => (i, y)).Where(t => t.i % step == 0 || t.i == years.Count - 1)
            .Select(t => (Number(X(t.i)), t.y.ToString(CultureInfo.InvariantCulture))).ToList();
        var yTicks = new[] { 0, 0.5, 1 }.Select(f => (Number(Y(max * f)), Number(Y(max * f) + 4), format(max * f))).ToList();
        return new LineChart { Series = lines, XTicks = xTicks, YTicks = yTicks, Caption = caption };
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

    private static string Point(double x, double y) => Number(x) + "," + Number(y);

    private static string Number(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One line: its name, its colour slot (0–7), its polylines (broken where there is no value), the points with tooltips and their radius.</summary>
internal sealed record LineSeries(string Name, int Slot, IReadOnlyList<string> Polylines, IReadOnlyList<ChartPoint> Markers, string Radius);

/// <summary>A data point in SVG coordinates (invariant culture) and its tooltip.</summary>
internal sealed record ChartPoint(string X, string Y, string Title);
