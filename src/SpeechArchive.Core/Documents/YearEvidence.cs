using System.Globalization;
using System.Text;

namespace SpeechArchive.Documents;

/// <summary>What points to one candidate year when a text is dated: how often and how it is named, the cues for it, a bonus as the latest year.</summary>
internal sealed class YearEvidence(int year)
{
    /// <summary>Extra weight of a year named in a title or heading (三、2019年政府工作任务) over one in the running text.</summary>
    public const double HeadingWeight = 2;

    /// <summary>Extra weight of a year said to be this year (今年（2019年）).</summary>
    public const double ThisYearWeight = 2;

    /// <summary>Weight a year looked back on as just past (刚刚过去的2018年, 2018年工作回顾) gives the year after it.</summary>
    public const double LookedBackWeight = 3;

    public int Year { get; } = year;

    /// <summary>Times the year is named as past or present (targets and years looked back on are not).</summary>
    public int Mentions { get; set; }

    public int InHeadings { get; set; }

    public int SaidThisYear { get; set; }

    /// <summary>Times the year before is looked back on.</summary>
    public int AfterLookedBack { get; set; }

    public List<(string Cue, double Weight)> Cues { get; } = [];

    public double LatestBonus { get; private set; }

    private string? latestWhy;

    public double Score =>
        Mentions + (InHeadings * HeadingWeight) + (SaidThisYear * ThisYearWeight) + (AfterLookedBack * LookedBackWeight)
        + Cues.Sum(c => c.Weight) + LatestBonus;

    public void AddLatestBonus(double bonus, string why) => (LatestBonus, latestWhy) = (bonus, why);

    /// <summary>2019年 12 (×2, in a heading ×2 +4, said this year ×1 +2, after 2018年 looked back on ×1 +3, cue 迎接党的二十大 +3, latest +2).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Mentions > 0)
        {
            parts.Add($"×{Mentions}");
        }

        if (InHeadings > 0)
        {
            parts.Add($"in a heading ×{InHeadings} {Plus(InHeadings * HeadingWeight)}");
        }

        if (SaidThisYear > 0)
        {
            parts.Add($"said to be this year ×{SaidThisYear} {Plus(SaidThisYear * ThisYearWeight)}");
        }

        if (AfterLookedBack > 0)
        {
            parts.Add($"after {Year - 1}年 looked back on ×{AfterLookedBack} {Plus(AfterLookedBack * LookedBackWeight)}");
        }

        parts.AddRange(Cues.Select(c => $"cue {c.Cue} {Plus(c.Weight)}"));
        if (latestWhy is not null)
        {
            parts.Add($"{latestWhy} {Plus(LatestBonus)}");
        }

        return new StringBuilder().Append(Year).Append("年 ").Append(Number(Score)).Append(" (").AppendJoin(", ", parts).Append(')').ToString();
    }

    private static string Plus(double weight) => "+" + Number(weight);

    private static string Number(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
