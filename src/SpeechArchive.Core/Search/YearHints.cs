using System.Globalization;
using System.Text.RegularExpressions;

namespace SpeechArchive.Search;

/// <summary>
/// A bare year typed among the words of free text (生态环境保护 2020) is searched as a word, which most passages about the
/// topic do not say, so the passages of that year holding the topic rank low (a user trial). The year is more likely meant as
/// a filter: the page offers the same query with the year as one (生态环境保护 year:2020), where the year facet counts results
/// of that year. Not applied: searching the year as a year (2020年) put every dateline first (docs/relevance.md).
/// </summary>
internal static partial class YearHints
{
    /// <summary>
    /// For each whitespace-separated token of <paramref name="query"/> that is a bare year (1900–2099, 年 after it or not)
    /// with results of that year among <paramref name="years"/> (the year facet), the query with that token taken out and the
    /// year as a filter, with what <paramref name="count"/> counts for that query (as it would be searched: a lone term is
    /// matched strictly, so fewer than the facet's count), offered only where it finds something; none where the query is
    /// years alone (the search asks none where a year is chosen already).
    /// </summary>
    public static IReadOnlyList<YearFilterHint> Of(string query, IReadOnlyList<FacetValue> years, Func<string, int> count)
    {
        var tokens = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return [];
        }

        var hints = new List<YearFilterHint>();
        foreach (var year in tokens.Select(YearOf).Where(y => y > 0))
        {
            var value = year.ToString(CultureInfo.InvariantCulture);
            if (!years.Any(v => v.Value == value && v.Count > 0) || hints.Any(h => h.Year == year))
            {
                continue;
            }

            var rest = tokens.Where(t => YearOf(t) != year).ToList(); // every spelling of it (2022 2022年)
            if (rest.All(t => YearOf(t) > 0))
            {
                continue; // years only: nothing left to search within the year
            }

            var filtered = string.Join(' ', rest.Append($"year:{value}"));
            if (count(filtered) is > 0 and var results)
            {
                hints.Add(new YearFilterHint(year, filtered, results));
            }
        }

        return hints;
    }

    /// <summary>The year a token names alone (2022, 2022年), or 0.</summary>
    private static int YearOf(string token) =>
        BareYear().Match(token) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^((?:19|20)\d\d)年?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareYear();
}

/// <summary>
/// A bare year typed as a word, offered as a filter instead (<see cref="YearHints"/>): the year, the query to search, and how
/// many results that query finds.
/// </summary>
public sealed record YearFilterHint(int Year, string Query, int Results);
