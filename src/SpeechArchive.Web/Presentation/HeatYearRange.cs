using System.Globalization;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// The years the theme heat table shows, from the page's <c>from</c> and <c>to</c> parameters over the years that have
/// passages. A table needs a column per year (about 45 px each), so an archive spanning decades would push the recent
/// years out of sight: without a range asked for, the table shows the newest <see cref="DefaultSpan"/> years of the data
/// and the page says how to see them all. A value that is no year is ignored with a notice, never refused: the range
/// only chooses columns, and the rest of the page stands.
/// </summary>
internal sealed record HeatYearRange
{
    /// <summary>The years shown when none were asked for and the data spans more: about what fits a desktop box.</summary>
    public const int DefaultSpan = 20;

    /// <summary>The oldest and newest years with passages (0 when none).</summary>
    public required int First { get; init; }
    public required int Last { get; init; }

    /// <summary>The first and last year shown, inclusive (from ≤ to).</summary>
    public required int From { get; init; }
    public required int To { get; init; }

    /// <summary>Whether the range is the default one (nothing usable asked for).</summary>
    public required bool Defaulted { get; init; }

    /// <summary>The usable years asked for (in order), which the page's forms carry on; null where none was.</summary>
    public int? AskedFrom { get; init; }
    public int? AskedTo { get; init; }

    /// <summary>What was made of values that are no year (ignored) or were given the wrong way round (swapped), else null.</summary>
    public string? Notice { get; init; }

    /// <summary>Whether every year with passages is shown.</summary>
    public bool ShowsAll => From <= First && To >= Last;

    /// <summary>Whether the data spans more years than the shorter preset, so choosing a range is worth offering.</summary>
    public bool Spans(int years) => Last - First + 1 > years;

    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>The shown years that hold data, as the page names them (2006–2025, or one year); null when none do.</summary>
    public string? Shown
    {
        get
        {
            var (lo, hi) = (Math.Max(From, First), Math.Min(To, Last));
            return First == 0 || lo > hi ? null : Span(lo, hi);
        }
    }

    /// <summary>The range as asked for, as the page names it when it holds no data.</summary>
    public string Asked => Span(From, To);

    /// <summary>Every year with data, as the page names it.</summary>
    public string All => Span(First, Last);

    private static string Span(int from, int to) =>
        from == to ? from.ToString(CultureInfo.InvariantCulture) : from.ToString(CultureInfo.InvariantCulture) + "–" + to.ToString(CultureInfo.InvariantCulture);

    /// <summary>The range for the data's <paramref name="years"/> (those with passages, any order) and the raw parameters.</summary>
    public static HeatYearRange Choose(IEnumerable<int> years, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        var first = list.Count == 0 ? 0 : list.Min();
        var last = list.Count == 0 ? 0 : list.Max();
        var notices = new List<string>();
        var asked = (From: Year(from, "from", notices), To: Year(to, "to", notices));
        if (asked is { From: null, To: null })
        {
            return new HeatYearRange
            {
                First = first,
                Last = last,
                From = last - first + 1 > DefaultSpan ? last - DefaultSpan + 1 : first,
                To = last,
                Defaulted = true,
                Notice = Join(notices),
            };
        }

        var lower = asked.From ?? Math.Min(first, asked.To!.Value);
        var upper = asked.To ?? Math.Max(last, asked.From!.Value);
        if (lower > upper)
        {
            notices.Add($"起止年份颠倒，已按 {upper}–{lower} 年显示");
            (lower, upper) = (upper, lower);
            asked = (lower, upper);
        }

        return new HeatYearRange
        {
            First = first,
            Last = last,
            From = lower,
            To = upper,
            Defaulted = false,
            AskedFrom = asked.From,
            AskedTo = asked.To,
            Notice = Join(notices),
        };
    }

    /// <summary>A year parameter: null when absent, blank or no year (then with a notice that says it was ignored).</summary>
    private static int? Year(string? text, string name, List<string> notices)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9999)
        {
            return year;
        }

        notices.Add($"{name}=“{Shorten(text.Trim())}”不是年份（应为 1–9999 的整数），已忽略");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string? Join(List<string> notices) => notices.Count == 0 ? null : string.Join("；", notices) + "。";
}
