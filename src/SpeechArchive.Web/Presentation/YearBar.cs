namespace SpeechArchive.Web.Presentation;

/// <summary>
/// One bar: its year, count, whether selected, the toggle link (<paramref name="To"/>: less its query, for the search page's
/// form, <see cref="SearchLink.To"/>) and its geometry in SVG units.
/// </summary>
internal sealed record YearBar(int Year, int Count, bool Selected, string Href, double X, double Y, double BarHeight, string? To = null);
