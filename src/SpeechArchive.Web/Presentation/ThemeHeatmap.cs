using System.Globalization;
using Microsoft.AspNetCore.Http;
using SpeechArchive.Web.Api;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// Theme shares by year as a heat table: a row per theme (largest overall share first), a column per year with text,
/// each cell shaded by its share (a stylesheet class per step: the CSP allows no inline style) and linking to the
/// search for that theme in that year. Twelve lines on one chart cross each other; a table reads.
/// The columns are the years of a <see cref="HeatYearRange"/>, newest first: the way annual accounts set out their
/// years, since the latest year is the one read first and compared with those before it, and when the range is wider
/// than the box, what scrolls out of sight is the past rather than the present. (The line chart above keeps time
/// running left to right, as charts do.) Order, shading and the overall share are taken over the years shown.
/// </summary>
internal sealed class ThemeHeatmap
{
    /// <summary>Shading steps: <c>h0</c> (none) to <c>h8</c> (the largest share on the table).</summary>
    public const int Steps = 8;

    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<int> Passages { get; init; }
    public required IReadOnlyList<HeatRow> Rows { get; init; }

    /// <summary>The table of <paramref name="range"/>'s years with passages; null when there are none or no themes.</summary>
    public static ThemeHeatmap? Create(ThemeTrendResult result, SearchQuery filters, HeatYearRange range)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(range);
        var columns = Enumerable.Range(0, result.Years.Count)
            .Where(i => result.Passages[i] > 0 && range.Contains(result.Years[i]))
            .OrderByDescending(i => result.Years[i])
            .ToList();
        if (columns.Count == 0 || result.Themes.Count == 0)
        {
            return null;
        }

        var max = result.Themes.SelectMany(t => columns.Select(i => t.Shares[i])).DefaultIfEmpty(0).Max();
        var total = columns.Sum(i => result.Passages[i]);
        var rows = result.Themes
            .Select(t => (Theme: t, Overall: columns.Sum(i => t.Shares[i] * result.Passages[i]) / total))
            .OrderByDescending(x => x.Overall)
            .Select(x => new HeatRow(
                x.Theme.Id,
                x.Theme.Label,
                x.Overall.ToString("0%", CultureInfo.InvariantCulture),
                columns.Select(i => Cell(x.Theme, result.Years[i], x.Theme.Shares[i], result.Passages[i], max, filters)).ToList()))
            .ToList();
        return new ThemeHeatmap
        {
            Years = columns.Select(i => result.Years[i]).ToList(),
            Passages = columns.Select(i => result.Passages[i]).ToList(),
            Rows = rows,
        };
    }

    private static HeatCell Cell(ThemeTrendSeries theme, int year, double share, int passages, double max, SearchQuery filters)
    {
        var step = share <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(share / max * Steps), 1, Steps);
        var text = share <= 0 ? "" : share < 0.005 ? "<1%" : share.ToString("0%", CultureInfo.InvariantCulture);
        var count = (int)Math.Round(share * passages);
        var title = $"{year}年 · {theme.Label}：{(share <= 0 ? "0%" : text)}（{count:N0} / {passages:N0} 段）";
        return new HeatCell(text, "h" + step.ToString(CultureInfo.InvariantCulture), title, share > 0 ? SearchFor(theme.Id, year, filters) : null);
    }

    /// <summary>The search page for the theme in the year, the page's other filters kept (its theme and year replaced).</summary>
    private static string SearchFor(string themeId, int year, SearchQuery filters)
    {
        var pairs = filters.FilterPairs("theme", "year")
            .Prepend(new("year", year.ToString(CultureInfo.InvariantCulture)))
            .Prepend(new("theme", themeId));
        return SearchLinks.SearchPath + QueryString.Create(pairs);
    }
}

internal sealed record HeatRow(string ThemeId, string Label, string Overall, IReadOnlyList<HeatCell> Cells);

/// <summary>A cell: its text (blank for none), shading class, tooltip and drill-down link (none for an empty cell).</summary>
internal sealed record HeatCell(string Text, string Shade, string Title, string? Href);
