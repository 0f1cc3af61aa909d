using System.Globalization;
using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

public static partial class MetadataInference
{
    /// <summary>Least extra weight for the latest supported year: a speech looks back on earlier years and plans for its own.</summary>
    private const double LatestYearBonus = 2;

    private const int MinPlausibleYear = 1900;

    /// <summary>
    /// The year a speech was most likely given, from dated mentions (2022年, 二〇二二年, 2022年度; not targets such as 到2035年,
    /// 2020年前 or the end of a range 2021—2025年) and the dating cues of YearCues.tsv; null without evidence.
    /// Each mention and cue adds weight. The latest year whose previous year is mentioned too (a review of last year followed by
    /// this year's plans) gets at least as much again as the most mentioned year, and lone later years (events or targets ahead)
    /// get nothing extra; without such a pair the latest year mentioned gets a small bonus.
    /// </summary>
    public static InferredValue<int>? InferYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new Dictionary<int, double>();
        var reasons = new List<string>();
        var mentions = YearMentions(text);
        var supported = mentions.Keys.Where(y => mentions.ContainsKey(y - 1)).Select(y => (int?)y).Max();
        var latest = supported ?? (mentions.Count > 0 ? mentions.Keys.Max() : null);
        foreach (var (year, count) in mentions.OrderByDescending(m => m.Key))
        {
            scores[year] = count;
            reasons.Add($"{year}年 ×{count}" + (year == supported ? " (latest after its previous year)" : year == latest ? " (latest)" : ""));
        }

        if (latest is { } chosen)
        {
            scores[chosen] += supported is null ? LatestYearBonus : Math.Max(LatestYearBonus, mentions.Values.Max());
        }

        foreach (var cue in YearCue.Default.Where(c => c.Matches(text)))
        {
            foreach (var year in cue.Years)
            {
                scores[year] = scores.GetValueOrDefault(year) + cue.Weight / cue.Years.Count;
            }

            reasons.Add("cue " + cue.Cue);
        }

        if (scores.Count == 0)
        {
            return null;
        }

        var best = scores.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key).First();
        var share = best.Value / scores.Values.Sum();
        var strength = 1 - Math.Exp(-best.Value / 3);
        var confidence = Math.Round(Math.Min(0.9, 0.9 * share * strength), 2);
        return new InferredValue<int>(best.Key, new MetadataProvenance("inferred: " + string.Join(", ", reasons), confidence));
    }

    /// <summary>Counts of plausible, non-target years mentioned in the text.</summary>
    internal static Dictionary<int, int> YearMentions(string text)
    {
        var counts = new Dictionary<int, int>();
        var maxYear = DateTime.Today.Year;
        foreach (Match m in YearMention().Matches(text))
        {
            var year = m.Groups["arabic"].Success
                ? int.Parse(m.Groups["arabic"].Value, CultureInfo.InvariantCulture)
                : ChineseYear(m.Groups["chinese"].Value);
            if (year >= MinPlausibleYear && year <= maxYear && !IsTarget(text, m.Index, m.Length))
            {
                counts[year] = counts.GetValueOrDefault(year) + 1;
            }
        }

        return counts;
    }

    /// <summary>到2035年, 至2025年 (but not 截至2022年), 2020年前 and the end of a range 2021—2025年 name targets, not the present.</summary>
    private static bool IsTarget(string text, int index, int length)
    {
        var before = index > 0 ? text[index - 1] : ' ';
        var after = text.AsSpan(index + length); // starts at 年
        return before is '到' or '—' or '–' or '-' or '~' or '～' or '－'
            || (before == '至' && (index < 2 || text[index - 2] != '截'))
            || after.StartsWith("年前") || after.StartsWith("年以前");
    }

    private static int ChineseYear(string digits)
    {
        var year = 0;
        foreach (var c in digits)
        {
            year = (year * 10) + "〇一二三四五六七八九".IndexOf(c is '零' or '○' or 'Ｏ' or 'O' ? '〇' : c, StringComparison.Ordinal);
        }

        return year;
    }

    [GeneratedRegex("(?<![0-9０-９])(?<arabic>[0-9]{4})(?=年)|(?<![〇零○一二三四五六七八九])(?<chinese>[一二][〇零○一二三四五六七八九]{3})(?=年)")]
    private static partial Regex YearMention();
}
