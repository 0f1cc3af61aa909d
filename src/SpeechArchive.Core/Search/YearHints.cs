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
    /// year as a filter, with the facet's count (the search counts each as it would be searched); none where the query holds a
    /// year filter already or is years alone.
    /// </summary>
    public static IReadOnlyList<YearFilterHint> Of(string query, IReadOnlyList<FacetValue> years)
    {
        var tokens = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2 || tokens.Any(t => t.StartsWith("year:", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        var hints = new List<YearFilterHint>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (BareYear().Match(tokens[i]) is not { Success: true } match)
            {
                continue;
            }

            var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var value = year.ToString(CultureInfo.InvariantCulture);
            if (years.FirstOrDefault(v => v.Value == value) is not { Count: > 0 } held || hints.Any(h => h.Year == year))
            {
                continue;
            }

            var rest = tokens.Where((_, j) => j != i).ToList();
            if (rest.All(t => BareYear().IsMatch(t)))
            {
                continue; // years only: nothing left to search within the year
            }

            hints.Add(new YearFilterHint(year, string.Join(' ', rest.Append($"year:{value}")), held.Count));
        }

        return hints;
    }

    [GeneratedRegex(@"^((?:19|20)\d\d)年?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareYear();
}

/// <summary>
/// A bare year typed as a word, offered as a filter instead (<see cref="YearHints"/>): the year, the query to search, and how
/// many results that query finds.
/// </summary>
public sealed record YearFilterHint(int Year, string Query, int Results);
