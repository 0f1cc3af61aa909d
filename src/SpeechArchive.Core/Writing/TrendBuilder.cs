using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>Trends over the years: phrase frequencies normalised by the amount of text of each year, and theme shares.</summary>
public static class TrendBuilder
{
    public static TrendResult Phrases(IndexSnapshot index, TrendRequest request)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var phrases = request.Phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (phrases.Count == 0)
        {
            throw new QuerySyntaxException("请输入要统计的短语。(give at least one phrase)");
        }

        if (phrases.Count > TrendRequest.MaxPhrases)
        {
            throw new QuerySyntaxException($"最多同时比较 {TrendRequest.MaxPhrases} 个短语。(at most {TrendRequest.MaxPhrases} phrases)");
        }

        var filter = WritingQuery.FiltersOnly(index, request.Filters);
        var characters = new Dictionary<int, long>();
        for (var doc = 0; doc < index.Passages.Count; doc++)
        {
            var year = index.PassageYear[doc];
            if (year > 0 && filter.Accepts(doc))
            {
                characters[year] = characters.GetValueOrDefault(year) + Characters(index.Passages[doc].MatchText);
            }
        }

        var years = YearRange(characters.Keys);
        var series = new List<TrendSeries>();
        foreach (var phrase in phrases)
        {
            var query = WritingQuery.Parse(index, phrase, request.Filters, "短语", onePhrase: true);
            var counts = new Dictionary<int, int>();
            foreach (var word in query.Words)
            {
                foreach (var doc in query.Passages(word))
                {
                    var year = index.PassageYear[doc];
                    if (year > 0)
                    {
                        counts[year] = counts.GetValueOrDefault(year) + MatchText.CountOccurrences(index.Passages[doc].MatchText, word.MatchForm);
                    }
                }
            }

            var occurrences = years.Select(y => counts.GetValueOrDefault(y)).ToList();
            var rates = years.Select(y => characters.GetValueOrDefault(y) is > 0 and var c ? Math.Round(counts.GetValueOrDefault(y) * 10_000.0 / c, 3) : 0).ToList();
            series.Add(new TrendSeries(phrase, occurrences.Sum(), occurrences, rates));
        }

        return new TrendResult
        {
            Years = years,
            Characters = years.Select(y => characters.GetValueOrDefault(y)).ToList(),
            Series = series,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    public static ThemeTrendResult Themes(IndexSnapshot index, IReadOnlyList<string>? filters = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var filter = WritingQuery.FiltersOnly(index, filters);
        var passages = new Dictionary<int, int>();
        var labelled = new Dictionary<(int Year, int Theme), int>();
        var themes = Math.Min(32, index.Themes.Count);
        for (var doc = 0; doc < index.Passages.Count; doc++)
        {
            var year = index.PassageYear[doc];
            if (year <= 0 || !filter.Accepts(doc))
            {
                continue;
            }

            passages[year] = passages.GetValueOrDefault(year) + 1;
            var mask = index.PassageThemes[doc];
            for (var t = 0; t < themes; t++)
            {
                if ((mask & (1u << t)) != 0)
                {
                    labelled[(year, t)] = labelled.GetValueOrDefault((year, t)) + 1;
                }
            }
        }

        var years = YearRange(passages.Keys);
        return new ThemeTrendResult
        {
            Years = years,
            Passages = years.Select(y => passages.GetValueOrDefault(y)).ToList(),
            Themes = Enumerable.Range(0, themes).Select(t => new ThemeTrendSeries(index.Themes[t].Id, index.Themes[t].Label,
                years.Select(y => passages.GetValueOrDefault(y) is > 0 and var n ? Math.Round((double)labelled.GetValueOrDefault((y, t)) / n, 4) : 0).ToList())).ToList(),
        };
    }

    /// <summary>
    /// The phrase trend as CSV: year, characters, then each phrase's occurrences and rate per 10,000 characters; a year of the
    /// range with no text has no rate (blank, not 0: nothing was said that year, not the phrase 0 times in what was).
    /// </summary>
    public static string Csv(TrendResult trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var sb = new StringBuilder();
        Writing.Csv.Row(sb, ["year", "characters", .. trend.Series.SelectMany(s => new[] { s.Phrase, s.Phrase + " per 10k" })]);
        for (var i = 0; i < trend.Years.Count; i++)
        {
            var said = trend.Characters[i] > 0;
            Writing.Csv.Row(sb, [Number(trend.Years[i]), Number(trend.Characters[i]), .. trend.Series.SelectMany(s => new[] { Number(s.Occurrences[i]), said ? Number(s.PerTenThousand[i]) : "" })]);
        }

        return sb.ToString();
    }

    /// <summary>Theme shares as CSV: year, passages, then each theme's share (blank for a year of the range with no passage).</summary>
    public static string Csv(ThemeTrendResult trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var sb = new StringBuilder();
        Writing.Csv.Row(sb, ["year", "passages", .. trend.Themes.Select(t => t.Label)]);
        for (var i = 0; i < trend.Years.Count; i++)
        {
            var any = trend.Passages[i] > 0;
            Writing.Csv.Row(sb, [Number(trend.Years[i]), Number(trend.Passages[i]), .. trend.Themes.Select(t => any ? Number(t.Shares[i]) : "")]);
        }

        return sb.ToString();
    }

    /// <summary>Characters of text in a match form: everything but sentence-end and mask markers and the spaces between Latin words.</summary>
    private static int Characters(string matchText)
    {
        var n = 0;
        foreach (var c in matchText)
        {
            if (c is not MatchText.Break and not MatchText.Mask and not ' ')
            {
                n++;
            }
        }

        return n;
    }

    private static List<int> YearRange(IEnumerable<int> years)
    {
        var list = years.ToList();
        return list.Count == 0 ? [] : Enumerable.Range(list.Min(), list.Max() - list.Min() + 1).ToList();
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
