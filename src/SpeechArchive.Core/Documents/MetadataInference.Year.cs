using System.Globalization;
using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

public static partial class MetadataInference
{
    /// <summary>Least extra weight for the latest year named: a speech looks back on earlier years and plans for its own.</summary>
    private const double LatestYearBonus = 2;

    private const double DatelineAtTopConfidence = 0.9;

    /// <summary>A date at the end may be a publication's, days or years after the speech (※这是…2015年11月23日…的讲话, printed in 2020).</summary>
    private const double DatelineAtEndConfidence = 0.8;

    /// <summary>Most years the reason lists beside the chosen one.</summary>
    private const int ReasonYears = 4;

    /// <summary>
    /// The year a speech was most likely given, as a reader would date it; null without evidence. A dateline decides: a full
    /// date set apart under the title (（2020年11月21日，北京）) or else at the end (a letter's date, a source line).
    /// Without one, each year named as past or present counts once (targets such as 到2035年, 力争于2030年, 2030年前, 2035年远景目标
    /// or the end of a span 2021—2025年 not at all), a year in a title or heading more, a year said to be this year more, a
    /// year looked back on (刚刚过去的2018年, 2018年工作回顾) counts for the year after it, and the dating cues of YearCues.tsv
    /// add theirs. The latest year named at least twice and half as often as the most named gets as much again as the most
    /// named (a text looks back on earlier years and speaks of its own), or the year after it when a report reviews it as last
    /// year (see <see cref="AddLatestBonus"/>); else the latest year named gets a small bonus: years named once in a history
    /// passage (1914年, 1915年) never outweigh the present. The provenance's origin says what decided and by how much.
    /// </summary>
    public static InferredValue<int>? InferYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = YearMentions(text);
        if (FindDateline(text) is { } dateline)
        {
            var where = dateline.AtTop ? "under the title" : "at the end";
            var named = Named(mentions);
            return new InferredValue<int>(dateline.Year, new MetadataProvenance(
                $"inferred: dateline {dateline.Date} {where}{(named.Length > 0 ? "; also named " + named : "")}{Targets(mentions)}",
                dateline.AtTop ? DatelineAtTopConfidence : DatelineAtEndConfidence));
        }

        var evidence = Tally(mentions);
        AddLatestBonus(evidence, text);
        foreach (var cue in YearCue.Default.Where(c => c.Matches(text)))
        {
            foreach (var year in cue.Years)
            {
                Evidence(evidence, year).Cues.Add((cue.Cue, cue.Weight / cue.Years.Count));
            }
        }

        var ranked = evidence.Values.Where(e => e.Score > 0).OrderByDescending(e => e.Score).ThenByDescending(e => e.Year).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];
        var share = best.Score / ranked.Sum(e => e.Score);
        var strength = 1 - Math.Exp(-best.Score / 3);
        var confidence = Math.Round(Math.Min(0.9, 0.9 * share * strength), 2);
        var others = ranked.Skip(1).Take(ReasonYears).Select(e => e.ToString()).ToList();
        var more = ranked.Count - 1 - others.Count;
        var reason = "inferred: " + best
            + (others.Count > 0 ? "; over " + string.Join(", ", others) : "")
            + (more > 0 ? $" and {more} more" : "")
            + Targets(mentions);
        return new InferredValue<int>(best.Year, new MetadataProvenance(reason, confidence));
    }

    private static Dictionary<int, YearEvidence> Tally(List<YearMention> mentions)
    {
        var evidence = new Dictionary<int, YearEvidence>();
        foreach (var m in mentions)
        {
            switch (m.Kind)
            {
                case YearMentionKind.Dated or YearMentionKind.ThisYear:
                    var e = Evidence(evidence, m.Year);
                    e.Mentions++;
                    e.InHeadings += m.InHeading ? 1 : 0;
                    e.SaidThisYear += m.Kind == YearMentionKind.ThisYear ? 1 : 0;
                    break;
                case YearMentionKind.LookedBack when m.Year < DateTime.Today.Year:
                    Evidence(evidence, m.Year + 1).AfterLookedBack++;
                    break;
            }
        }

        return evidence;
    }

    /// <summary>
    /// The present as a reader finds it: the latest year named at least twice and at least half as often as the most named
    /// (a text looks back on earlier years and speaks of its own at length) gets as much as the most named year. When the year
    /// after it is named too, the year before it is not named as often, and the text looks back (过去一年, 去年) more than
    /// ahead (明年), that year is last year under review and the bonus goes to the year after it (a report on last year
    /// followed by this year's plans). Without a year named often, the latest year named gets <see cref="LatestYearBonus"/>.
    /// A lone later year (an event ahead, a target not marked as one) does not outweigh a year named often, and years named
    /// once in a history passage earn nothing.
    /// </summary>
    private static void AddLatestBonus(Dictionary<int, YearEvidence> evidence, string text)
    {
        var named = evidence.Values.Where(e => e.Mentions > 0).ToList();
        if (named.Count == 0)
        {
            return;
        }

        var most = named.Max(e => e.Mentions);
        var bonus = Math.Max(LatestYearBonus, most);
        if (named.Where(e => e.Mentions >= 2 && e.Mentions * 2 >= most).MaxBy(e => e.Year) is not { } often)
        {
            named.MaxBy(e => e.Year)!.AddLatestBonus(LatestYearBonus, "latest");
            return;
        }

        var reviewedBefore = evidence.TryGetValue(often.Year - 1, out var before) && before.Mentions * 2 >= most;
        if (!reviewedBefore && evidence.TryGetValue(often.Year + 1, out var next) && next.Mentions + next.AfterLookedBack > 0
            && (LookingBack().Count(text), LookingAhead().Count(text)) is var (back, ahead) && back > ahead)
        {
            next.AddLatestBonus(bonus, $"after {often.Year}年 named often, the text looking back (过去一年/去年 ×{back}, 明年 ×{ahead})");
            return;
        }

        often.AddLatestBonus(bonus, "latest named often");
    }

    /// <summary>过去一年, 过去的一年, 去年: the text speaks of last year.</summary>
    [GeneratedRegex("过去一年|过去的一年|去年")]
    private static partial Regex LookingBack();

    /// <summary>明年: the text speaks of next year.</summary>
    [GeneratedRegex("明年")]
    private static partial Regex LookingAhead();

    private static YearEvidence Evidence(Dictionary<int, YearEvidence> evidence, int year)
    {
        if (!evidence.TryGetValue(year, out var e))
        {
            e = new YearEvidence(year);
            evidence[year] = e;
        }

        return e;
    }

    /// <summary>2020年 ×2, 2008年 ×1: the years named as past or present, most named first (at most <see cref="ReasonYears"/>).</summary>
    private static string Named(List<YearMention> mentions) =>
        Listed([.. mentions.Where(m => m.Kind is YearMentionKind.Dated or YearMentionKind.ThisYear or YearMentionKind.LookedBack)
            .GroupBy(m => m.Year).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)]);

    /// <summary>"; targets 2035年 ×2, 2025年 ×1" for the years aimed at, which count for nothing; empty without one.</summary>
    private static string Targets(List<YearMention> mentions) =>
        mentions.Where(m => m.Kind == YearMentionKind.Target).GroupBy(m => m.Year).OrderByDescending(g => g.Key).ToList() is { Count: > 0 } targets
            ? "; targets " + Listed(targets)
            : "";

    /// <summary>The first <see cref="ReasonYears"/> years as "2020年 ×2, 2008年 ×1", and how many more.</summary>
    private static string Listed(List<IGrouping<int, YearMention>> years)
    {
        var listed = string.Join(", ", years.Take(ReasonYears).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}年 ×{g.Count()}")));
        return years.Count > ReasonYears ? string.Create(CultureInfo.InvariantCulture, $"{listed} and {years.Count - ReasonYears} more") : listed;
    }
}
