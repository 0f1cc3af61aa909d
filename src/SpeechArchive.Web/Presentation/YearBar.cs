namespace SpeechArchive.Web.Presentation;

/// <summary>
/// One bar: its year, count, whether selected, the toggle link (<paramref name="Link"/>: on the search page, the link a
/// <c>&lt;search-link&gt;</c> writes, whole or as a button of the page's form) and its geometry in SVG units.
/// </summary>
internal sealed record YearBar(int Year, int Count, bool Selected, string Href, double X, double Y, double BarHeight, SearchLink? Link = null);
