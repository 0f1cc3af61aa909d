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

    /// <summary>The search page's bars: each toggles its year (<see cref="YearBar.Link"/>).</summary>
    public static YearHistogram? Create(IReadOnlyList<FacetValue> years, SearchLinks links)
    {
        var bars = years.Select(v => (Year: int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0, v.Count, v.Selected, Link: links.Toggle("year", v))).ToList();
        return Create(bars.Select(b => (b.Year, b.Count, b.Selected, b.Link.Href)).ToList(), bars.Select(b => b.Link).ToList());
    }

    /// <summary>Bars for (year, count, selected, link) values (with <paramref name="links"/>, each as a <see cref="SearchLink"/>); null when none has a count.</summary>
    public static YearHistogram? Create(IReadOnlyList<(int Year, int Count, bool Selected, string Href)> years, IReadOnlyList<SearchLink>? links = null)
    {
        var values = years.Select((x, i) => (x.Year, x.Count, x.Selected, x.Href, Link: links?[i])).Where(x => x.Year > 0 && x.Count > 0).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var from = values.Min(x => x.Year);
        var max = values.Max(x => x.Count);
        var bars = values.Select(x =>
        {
            var height = Math.Max(2, Math.Round((double)x.Count / max * (Height - 2), 1));
            return new YearBar(x.Year, x.Count, x.Selected, x.Href, (x.Year - from) * BarWidth + 1, Height - height, height, x.Link);
        }).ToList();
        return new YearHistogram { Bars = bars, From = from, To = values.Max(x => x.Year) };
    }

    /// <summary>Every year from <see cref="From"/> to <see cref="To"/>, with its bar or none (a year without passages keeps its place).</summary>
    public IEnumerable<(int Year, YearBar? Bar)> Years()
    {
        var byYear = Bars.ToDictionary(b => b.Year);
        for (var year = From; year <= To; year++)
        {
            yield return (year, byYear.GetValueOrDefault(year));
        }
    }
}
