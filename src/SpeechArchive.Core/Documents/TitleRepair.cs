using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

/// <summary>
/// Mends a metadata table's title that does not read as one (xi-2020's MANIFEST.tsv): a news dateline glued before it
/// (新华社北京10月23日电…) is removed, an author glued after ※ is split off, a title cut out of the text's title line is
/// completed from it, and a title that is the text's own opening or an address (尊敬的…：, 同志们：) is replaced by one built
/// from the opening's words (<see cref="TitleRepair"/>'s occasion rules, else an excerpt of its first sentence).
/// Deterministic; nothing but words of the title and text is used.
/// </summary>
public static partial class TitleRepair
{
    /// <summary>Confidence of a table title cleaned of clutter or completed from the text's title line.</summary>
    public const double CleanedConfidence = 0.9;

    /// <summary>Confidence of a title built from the occasion the opening names (在气候雄心峰会上的讲话).</summary>
    public const double OccasionConfidence = 0.6;

    /// <summary>Confidence of a title that is an excerpt of the opening's first sentence.</summary>
    public const double ExcerptConfidence = 0.3;

    /// <summary>Marks that a title line never holds before its byline.</summary>
    private static readonly System.Buffers.SearchValues<char> TitleBreaks = System.Buffers.SearchValues.Create("。！？；：:!?;");

    /// <summary>How far into the text the opening is looked at.</summary>
    private const int OpeningLength = 600;

    /// <summary>The mended title, or null when <paramref name="title"/> reads as a title and is kept as given.</summary>
    public static RepairedTitle? Repair(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<string>();
        var cleaned = title.Trim();
        if (Dateline().Match(cleaned) is { Success: true } dateline && dateline.Length < cleaned.Length)
        {
            cleaned = cleaned[dateline.Length..].TrimStart();
            rules.Add("news dateline removed");
        }

        string? speaker = null;
        if (cleaned.IndexOf('※', StringComparison.Ordinal) is var mark and > 0)
        {
            speaker = Author(cleaned[(mark + 1)..].Trim(), text);
            cleaned = cleaned[..mark].TrimEnd();
            rules.Add(speaker is null ? "text after ※ split off" : "author after ※ split off");
        }

        var start = OpeningStart(text);
        var end = PrefixEnd(text, start, cleaned);
        string? rough = null;
        if (end > start && TitleLineEnd(text, start) is { } lineEnd && lineEnd > end)
        {
            // Cut out of the text's title line (…命运共同体— of …命运共同体——在…上的讲话（2020年11月10日）): take the whole line.
            cleaned = text[start..lineEnd].Trim();
            rules.Add("completed from the text's title line");
        }
        else if (end > start && RunsOn(text, end))
        {
            rough = "the text's opening";
        }
        else if (IsAddress(cleaned))
        {
            rough = "an address";
        }

        if (rough is not null)
        {
            var derived = Derive(text, start);
            return derived is null ? null : derived with { Speaker = speaker, Rule = $"{derived.Rule}, as the table's title was {rough}" };
        }

        return rules.Count == 0 ? null : new RepairedTitle(cleaned, speaker, string.Join("; ", rules), Derived: false, CleanedConfidence);
    }

    /// <summary>The author's name after ※: all of it when it is a name (2–4 Han characters), else the longest 2–4 character start that the text names again.</summary>
    private static string? Author(string tail, string text)
    {
        if (tail.Length is >= 2 and <= 4 && tail.All(CjkText.IsIdeograph) && !Publications.Any(tail.StartsWith))
        {
            return tail;
        }

        for (var length = Math.Min(4, tail.Length); length >= 2; length--)
        {
            var name = tail[..length];
            if (name.All(CjkText.IsIdeograph) && !NotAName(name) && Occurrences(text, name) >= 2)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// A start after ※ that is no person's name: it runs on into the words after the name (习近平同 of 习近平同志指出, …在, …指出)
    /// or is a publication or the start of one (人民日报, 人民日, 新华社, 求是).
    /// </summary>
    private static bool NotAName(string name) =>
        name[^1] is '同' or '在' or '指' or '说' or '强' or '讲' or '的' or '一' or '今' || Publications.Any(p => p.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(p, StringComparison.Ordinal));

    private static readonly string[] Publications = ["人民日报", "新华社", "求是", "光明日报", "经济日报", "新华网", "人民网"];

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Where the text's own words begin: after leading white space and a news dateline.</summary>
    private static int OpeningStart(string text)
    {
        var start = SkipSpace(text, 0);
        var head = text.Substring(start, Math.Min(80, text.Length - start));
        return Dateline().Match(head) is { Success: true } m ? SkipSpace(text, start + m.Length) : start;
    }

    /// <summary>End in <paramref name="text"/> of <paramref name="prefix"/> when the text from <paramref name="start"/> begins with it (white space aside), else -1.</summary>
    private static int PrefixEnd(string text, int start, string prefix)
    {
        var at = start;
        foreach (var c in prefix)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            at = SkipSpace(text, at);
            if (at >= text.Length || text[at] != c)
            {
                return -1;
            }

            at++;
        }

        return prefix.Length == 0 ? -1 : at;
    }

    /// <summary>Whether a title ending at <paramref name="end"/> ends where the text's title line does (a line end, a byline such as （2020年10月23日）, ※, a dash).</summary>
    private static bool EndsTitleLine(string text, int end) =>
        end >= text.Length || text[end] is '\n' or '\r' or '（' or '(' or '—' or '※' or ' ' or '　' or '\t';

    /// <summary>
    /// Whether the text runs on past a title it opens with inside the same words: a Han character follows, and no title line
    /// ends there (…集会，纪念…作战70 + 周年; …二〇 + 三五年), or a number is cut in two (…成立7 + 5周年). A title the text prints
    /// and then follows with a date, a colon or a bracket (…讲话2020年11月24日, 政府工作报告：, …意见【发布日期】) is a title.
    /// </summary>
    private static bool RunsOn(string text, int end) =>
        !EndsTitleLine(text, end) && (CjkText.IsIdeograph(text[end]) || (char.IsAsciiDigit(text[end]) && char.IsAsciiDigit(text[end - 1])));

    /// <summary>
    /// Where the text's title line ends when it carries a byline right after the title (…讲话（2020年11月10日，北京）):
    /// the byline's start, if the words before it have no sentence end or colon; else null.
    /// </summary>
    private static int? TitleLineEnd(string text, int start)
    {
        var head = text.Substring(start, Math.Min(120, text.Length - start));
        var newline = head.IndexOf('\n', StringComparison.Ordinal);
        var byline = Byline().Match(newline < 0 ? head : head[..newline]);
        return byline.Success && byline.Index >= 4 && head.AsSpan(0, byline.Index).IndexOfAny(TitleBreaks) < 0 ? start + byline.Index : null;
    }

    /// <summary>A form of address rather than a title: opens with a salutation (尊敬的…, 同志们…) or ends with a colon (回信…：).</summary>
    internal static bool IsAddress(string title) =>
        title.EndsWith('：') || title.EndsWith(':') || MetadataInference.StartsWithSalutation(title);

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>新华社北京10月23日电, 新华社10月23日电, 人民日报北京10月23日电（记者 …）: a news agency, a place, a day, 电.</summary>
    [GeneratedRegex(@"^(新华社|人民日报|中新社|光明日报|经济日报|解放军报|央视网|央视新闻|新华网|人民网|中国日报)(记者)?[\p{IsCJKUnifiedIdeographs}]{0,8}?(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日(电|讯)(（[^）]{0,30}）|\([^)]{0,30}\))?\s*")]
    private static partial Regex Dateline();

    /// <summary>A byline after a title: （2020年10月23日） or （2020年11月19日，北京）.</summary>
    [GeneratedRegex(@"[（(]\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex Byline();
}
