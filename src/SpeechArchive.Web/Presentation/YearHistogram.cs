using System.Globalization;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Presentation;

/// <summary>The year facet as bars for a server-rendered SVG: one bar per year with passages, spaced on a continuous axis; each bar links to toggle its year.</summary>
internal sealed class YearHistogram
{
    public const int BarWidth = 10;
    public const int Height = 60;

    public IReadOnlyList<YearBar> Bars { get; private init; } = [];
    public int From { get; private init; }
    public int To { get; private init; }
    public int Width => (To - From + 1) * BarWidth;

    /// <summary>Drawn width in CSS pixels: at most 28 px a year, so a few years do not become one wide slab (CSS caps it at the container).</summary>
    public int PixelWidth => Math.Max(56, (To - From + 1) * 28);

    public static YearHistogram? Create(IReadOnlyList<FacetValue> years, SearchLinks links) =>
        Create(years.Select(v => (Year: int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0, v.Count, v.Selected, Href: links.Toggle("year", v))).ToList());

    /// <summary>Bars for (year, count, selected, link) values; null when none has a count.</summary>
    public static YearHistogram? Create(IReadOnlyList<(int Year, int Count, bool Selected, string Href)> years)
    {
        var values = years.Where(x => x.Year > 0 && x.Count > 0).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var from = values.Min(x => x.Year);
        var max = values.Max(x => x.Count);
        var bars = values.Select(x =>
        {
            var height = Math.Max(2, Math.Round((double)x.Count / max * (Height - 2), 1));
            return new YearBar(x.Year, x.Count, x.Selected, x.Href, (x.Year - from) * BarWidth + 1, Height - height, height);
        }).ToList();
        return new YearHistogram { Bars = bars, From = from, To = values.Max(x => x.Year) };
    }
}
