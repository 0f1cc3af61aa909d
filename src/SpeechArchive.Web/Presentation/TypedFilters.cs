using System.Text.RegularExpressions;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// Filters typed into a query (<c>year:2018..2022</c>, <c>org:人社局</c>, a value possibly quoted): found, read and taken
/// out, so chips and facet links can show and undo them like the URL's own filters.
/// </summary>
internal static partial class TypedFilters
{
    /// <summary>
    /// Each filter typed in <paramref name="q"/>: its field (lower case), its value without quotes, and where it stands; typed
    /// in an input method's full-width letters and digits too (ｙｅａｒ：２０２２ is year 2022), as the parser reads it.
    /// </summary>
    public static IEnumerable<(string Field, string Value, Match At)> In(string? q) =>
        string.IsNullOrEmpty(q) ? [] : Filter().Matches(Search.QueryParser.HalfWidth(q)).Select(m => (m.Groups[1].Value.ToLowerInvariant(), m.Groups[2].Value.Trim('"', '“', '”', '「', '」'), m));

    /// <summary>
    /// <paramref name="q"/> without the typed filters <paramref name="drop"/> picks (by field and value), spaces tidied: one
    /// that closed a group leaves the group closed on its last word, (巡视 year:2020) → (巡视), and a group it alone was in goes.
    /// </summary>
    public static string Without(string? q, Func<string, string, bool> drop)
    {
        var text = q ?? "";
        foreach (var (field, value, at) in In(text).Reverse().ToList())
        {
            if (drop(field, value))
            {
                var before = text[..at.Index];
                var after = text[(at.Index + at.Length)..];
                if (after.Length > 0 && after[0] is ')' or '）')
                {
                    before = before.TrimEnd();
                    (before, after) = before.Length > 0 && before[^1] is '(' or '（' ? (before[..^1] + " ", after[1..]) : (before, after);
                }
                else
                {
                    before += " ";
                }

                text = before + after;
            }
        }

        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A year filter's value (<c>2022</c>, <c>2018..2022</c>) as a range; false when it is neither, or a year outside 1–9999.</summary>
    public static bool TryYears(string value, out (int From, int To) range)
    {
        var parts = value.Split("..", 2);
        range = default;
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from))
        {
            return false;
        }

        var to = from;
        if (parts.Length == 2 && !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out to))
        {
            return false;
        }

        range = (Math.Min(from, to), Math.Max(from, to));
        return range.From >= 1 && range.To <= 9999; // the engine's years (QueryParser)
    }

    /// <summary>
    /// A field filter typed into a query as the parser reads one: field, a colon (a Chinese input method types the full-width
    /// ：), then a value (quoted "…", “…” or 「…」, or up to the next space); after a group's opening parenthesis too, and
    /// before its closing ones, which are not the value's ((巡视 year:2020) is year 2020; org:某局（筹） keeps its own).
    /// </summary>
    [GeneratedRegex(@"(?<![^\s(（])(year|theme|type|org|category|speaker)[:：](""[^""]*""|“[^”]*”|「[^」]*」|(?:[^\s()（）]|[(（](?<open>)|(?<-open>)[)）])+(?=[)）]*(?:\s|$)))", RegexOptions.IgnoreCase)]
    private static partial Regex Filter();
}
