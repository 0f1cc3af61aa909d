using System.Globalization;
using System.Text;
using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// Parses the query syntax: words in any order, "exact phrase" (also “…”), -exclude, OR between alternatives, (groups), and
/// the filters year:2022, year:2018..2022, theme:…, type:…, org:…, speaker:… (a value may be quoted). Errors are one line.
/// </summary>
public static partial class QueryParser
{
    public const int MaxLength = 1000;

    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase) { "year", "theme", "type", "org", "speaker", "category" };

    public static ParsedQuery Parse(string? text, IEnumerable<string>? extraFilters = null)
    {
        text ??= "";
        if (text.Length > MaxLength)
        {
            throw new QuerySyntaxException($"查询过长：{text.Length} 个字符，上限 {MaxLength}。(query too long: {text.Length} characters, the limit is {MaxLength})");
        }

        foreach (var ch in text)
        {
            if (char.IsControl(ch) && ch is not '\t' and not '\n' and not '\r')
            {
                throw new QuerySyntaxException($"查询含有控制字符 U+{(int)ch:X4}。(query contains control character U+{(int)ch:X4})");
            }
        }

        text = SymbolsAsPunctuation(HalfWidth(text));
        var tokens = Tokenize(text);
        if (!string.IsNullOrWhiteSpace(text) && tokens.All(t => t.Paren != NoParen || (!t.IsOr && t.Field is null && !t.Negated && MakeWord(t) is null)))
        {
            // Only punctuation or symbols (。。。, ((, “”): searched, it would list the whole archive (or all a facet filter
            // keeps) as if nothing were typed.
            throw new QuerySyntaxException("查询中没有可检索的字词，只有标点或符号。(nothing to search for: the query holds only punctuation or symbols)");
        }

        foreach (var filter in extraFilters ?? [])
        {
            tokens.AddRange(Tokenize(HalfWidth(filter)));
        }

        var excluded = new List<QueryWord>();
        var years = new List<(int, int)>();
        var themes = new List<string>();
        var types = new List<string>();
        var orgs = new List<string>();
        var categories = new List<string>();
        var speakers = new List<string>();
        tokens.RemoveAll(t => t.Paren == NoParen && !t.IsOr && t.Field is null && MakeWord(t) is null); // only punctuation: nothing to search for
        var clauses = new ClauseReader(tokens, t => AddFilter(t, years, themes, types, orgs, speakers, categories), excluded).ReadAll();
        var required = clauses.Select(c => new QueryClause(c)).ToList();
        return new ParsedQuery(text, required, excluded, new QueryFilters(years, themes, types, orgs, speakers, categories));
    }

    /// <summary>
    /// The filters and exclusions of <paramref name="text"/> as typed (year:2022, -形式主义), for a query made again from
    /// other words (<see cref="NoResultsAdvice"/>); a malformed query throws <see cref="QuerySyntaxException"/>.
    /// </summary>
    internal static (IReadOnlyList<Operator> Filters, IReadOnlyList<Operator> Exclusions) Operators(string text)
    {
        var tokens = Tokenize(text);
        static string Typed(RawToken t) => t.Quoted ? "\"" + t.Text + "\"" : t.Text;
        return ([.. tokens.Where(t => t.Field is not null).Select(t => new Operator(t.Field + ":" + Typed(t), t.Field!.ToLowerInvariant(), t.Text.Trim()))],
            [.. ExcludedTokens(tokens).Select(t => new Operator("-" + Typed(t), null, t.Text))]);
    }

    /// <summary>A filter or exclusion as typed (<c>year:2021</c>, <c>-落实</c>), its field (null for an exclusion) and its value.</summary>
    internal sealed record Operator(string Typed, string? Field, string Value);

    private static QueryWord? MakeWord(RawToken t)
    {
        var match = MatchText.Build(t.Text, 0, t.Text.Length).Trim(MatchText.Break, MatchText.Mask, ' ');
        return match.Length == 0 ? null : new QueryWord(t.Text, t.Quoted, match);
    }

    /// <summary>
    /// <paramref name="text"/> with each character beyond the first plane that is not an ideograph (an emoji, 😀) as in-sentence
    /// punctuation, 、 for each of its two units (so columns stay where they were): what a symbol of the first plane (★) is to
    /// the analyzer. The analyzer keeps a surrogate pair together as Han, since most that official texts hold are ideographs
    /// of planes 2 and 3 (𠮷), so 作风建设😀 was a phrase no passage holds and was searched word by word.
    /// </summary>
    internal static string SymbolsAsPunctuation(string text)
    {
        StringBuilder? symbols = null;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]) && char.ConvertToUtf32(text[i], text[i + 1]) is < 0x20000 or > 0x3FFFF)
            {
                symbols ??= new StringBuilder(text);
                symbols[i] = symbols[i + 1] = '、';
                i++;
            }
        }

        return symbols?.ToString() ?? text;
    }

    private static void AddFilter(RawToken t, List<(int, int)> years, List<string> themes, List<string> types, List<string> orgs, List<string> speakers, List<string> categories)
    {
        var value = t.Text.Trim();
        if (value.Length == 0)
        {
            throw new QuerySyntaxException($"第 {t.Column} 列的 {t.Field}: 缺少取值。({t.Field}: at column {t.Column} needs a value)");
        }

        switch (t.Field!.ToLowerInvariant())
        {
            case "year":
                years.Add(ParseYears(value, t.Column));
                break;
            case "theme":
                themes.Add(value);
                break;
            case "type":
                types.Add(value);
                break;
            case "org":
                orgs.Add(value);
                break;
            case "category":
                categories.Add(value);
                break;
            default:
                speakers.Add(value);
                break;
        }
    }

    private static (int, int) ParseYears(string value, int column)
    {
        var parts = value.Split("..", 2);
        if (TryYear(parts[0], out var from))
        {
            var to = from;
            if (parts.Length == 2 && !TryYear(parts[1], out to))
            {
                throw BadYear(value, column);
            }

            return from <= to ? (from, to) : (to, from);
        }

        throw BadYear(value, column);
    }

    private static bool TryYear(string s, out int year) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1 and <= 9999;

    private static QuerySyntaxException BadYear(string value, int column) =>
        new($"第 {column} 列的年份“{value}”无法识别，应写作 year:2022 或 year:2018..2022。(year filter '{value}' at column {column}: use year:2022 or year:2018..2022)");

    /// <summary>A word, operator or filter as typed, or a group's parenthesis (<see cref="Paren"/>), and where it begins (<see cref="At"/>, in the text read).</summary>
    private sealed record RawToken(string Text, int Column, bool Quoted, bool Negated, string? Field, bool IsOr, char Paren, int At);

    private static List<RawToken> Tokenize(string text)
    {
        text = WithoutStrayQuotes(text);
        var tokens = new List<RawToken>();
        (int Column, string Word)? and = null; // an AND the word after it is still to come
        var notAt = 0; // the column of a NOT the next word is excluded by (0: none)
        var parens = GroupParens.None; // those of the run of text between spaces being read that group
        var i = 0;
        while (i < text.Length)
        {
            if (IsSpace(text[i]))
            {
                i++;
                continue;
            }

            if (i == 0 || IsSpace(text[i - 1]))
            {
                parens = GroupParens.Of(text, i, leading: true);
            }

            var column = i + 1;
            if (parens.Closes(i))
            {
                if (notAt > 0 || and is not null)
                {
                    throw notAt > 0 ? NotNeedsWord(notAt) : AndNeedsWords(and!.Value.Column, and.Value.Word);
                }

                tokens.Add(new RawToken(text[i].ToString(), column, false, false, null, false, CloseParen, i));
                i++;
                continue;
            }

            var negated = notAt > 0;
            var negation = notAt > 0 ? "NOT " : "-";
            if (notAt > 0)
            {
                column = notAt;
                notAt = 0;
            }
            else if (IsMinus(text[i]))
            {
                negated = true;
                i++;
                if (i >= text.Length || IsSpace(text[i]) || parens.Closes(i))
                {
                    throw new QuerySyntaxException($"第 {column} 列的减号后面缺少要排除的词。(a '-' at column {column} must be followed by a word to exclude)");
                }
            }

            if (i < parens.OpenEnd && IsOpenParen(text[i]))
            {
                // A group's opening parenthesis, excluded as a whole after a minus or NOT: -(形式主义 OR 官僚主义).
                tokens.Add(new RawToken(text[i].ToString(), column, false, negated, null, false, OpenParen, i));
                i++;
                continue;
            }

            var at = i; // where the word, phrase or filter begins
            string? field = null;
            var fieldEnd = FieldEnd(text, i);
            if (fieldEnd > 0 && negated)
            {
                // -year:2022 would otherwise exclude the word year2022, which nothing holds: the filter silently ignored.
                throw FilterNotExcluded(column, negation, text[i..fieldEnd]);
            }

            if (fieldEnd > 0)
            {
                field = text[i..fieldEnd];
                i = fieldEnd + 1;
            }

            if (field is null && !negated && text.AsSpan(i).StartsWith("NOT") && i + 3 < text.Length && text[i + 3] is '“' or '「')
            {
                notAt = column; // NOT“建设”: a Chinese quote glued to the operator (an ASCII one parts them already)
                i += 3;
                continue;
            }

            if (i < text.Length && IsOpenQuote(text[i]))
            {
                var open = text[i];
                var close = ClosingQuote(open);
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    throw new QuerySyntaxException($"第 {i + 1} 列的引号没有闭合。(unclosed quote at column {i + 1})"); // WithoutStrayQuotes took those away
                }

                tokens.Add(new RawToken(text[(i + 1)..end], column, true, negated, field, false, NoParen, at));
                and = null;
                i = end + 1;
                parens = GroupParens.Of(text, i, leading: false); // ("全面从严治党 永远在路上" OR 作风建设): a group may close after a quote
                continue;
            }

            var start = i;
            var glued = '\0'; // a Chinese quotation mark inside a run of text (长远谋，“强”的总目标) is punctuation, not an operator
            while (i < text.Length && !IsSpace(text[i]) && !parens.Closes(i) && (!IsOpenQuote(text[i]) || (i > start && text[i] is '“' or '「' && glued == '\0')))
            {
                if (text[i] is '“' or '「')
                {
                    glued = ClosingQuote(text[i]);
                }
                else if (text[i] == glued)
                {
                    glued = '\0';
                }

                // A closing quote nothing opened (两个确立”的决定性意义) and an opening one inside a run that nothing closes are
                // punctuation in the run, as the text's own quotation marks are.
                i++;
            }

            // A dash beginning or ending a word (巡察 —整改, 作风建设——) is punctuation, not a minus: no part of the word.
            var word = field is null ? text[start..i].Trim(Dashes) : text[start..i];
            if (word.Length == 0 && field is null)
            {
                continue; // an unclosed quote before a space or another quote, or dashes alone
            }

            if (field is null && !negated && word is "AND" or "&&")
            {
                // Lucene's and Elasticsearch's AND: the words either side must both be there, as each quoted is ("作风建设"
                // "监督"); not a word to look for. Like OR, it needs a word on each side (AND alone was refused as
                // punctuation; 作风 AND was read as 作风).
                if (and is not null || tokens.Count == 0 || tokens[^1].IsOr || tokens[^1].Paren == OpenParen || text.AsSpan(i).IsWhiteSpace())
                {
                    throw AndNeedsWords(column, word);
                }

                and = (column, word);
                var before = tokens.FindLastIndex(t => t.Paren != CloseParen); // (作风建设) AND 监督: the word the group closed on
                if (before >= 0 && tokens[before] is { Paren: NoParen, Field: null, Negated: false, IsOr: false } previous)
                {
                    tokens[before] = previous with { Quoted = true };
                }

                continue;
            }

            if (field is null && !negated && word == "NOT")
            {
                // Lucene's NOT (upper case, as AND and OR): the word after it is excluded, as with a minus (作风建设 NOT 窗口).
                // Read as a word, NOT was looked for and the word it meant to exclude became required.
                var rest = text.AsSpan(i).TrimStart();
                if (rest.IsEmpty || IsMinus(rest[0]) || NextWordIsOperator(rest))
                {
                    throw NotNeedsWord(column);
                }

                notAt = column;
                continue;
            }

            var isOr = field is null && !negated && (word == "OR" || word == "|");
            tokens.Add(new RawToken(word, column, and is not null && field is null && !negated && !isOr, negated, field, isOr, NoParen, at));
            and = null;
        }

        return PairGroups(tokens);
    }

    /// <summary>
    /// The filters typed in <paramref name="text"/> (year:2022, speaker:“局党组 书记”), each as one term to pass as an extra
    /// filter, its value quoted; none where the text cannot be read (the search says why).
    /// </summary>
    public static IReadOnlyList<string> FilterTerms(string? text)
    {
        try
        {
            return [.. Tokenize(text ?? "").Where(t => t.Field is not null && !t.Negated).Select(t => t.Field + ":\"" + t.Text.Replace("\"", "", StringComparison.Ordinal) + "\"")];
        }
        catch (QuerySyntaxException)
        {
            return [];
        }
    }

    private static bool NextWordIsOperator(ReadOnlySpan<char> rest)
    {
        var end = 0;
        while (end < rest.Length && !IsSpace(rest[end]))
        {
            end++;
        }

        return rest[..end] is "AND" or "&&" or "OR" or "|" or "NOT";
    }

    /// <summary>
    /// <paramref name="text"/> without the opening quotes nothing closes (“两个确立的决定性意义, pasted from a longer passage; the
    /// last " of an odd number): punctuation, not an operator, so the words after one are read as if it were not there, with
    /// the exclusion or filter before it (-“形式主义, speaker:“局党组).
    /// </summary>
    internal static string WithoutStrayQuotes(string text)
    {
        var stray = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (IsOpenQuote(text[i]))
            {
                var close = ClosingQuote(text[i]);
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    stray.Add(i);
                }
                else
                {
                    i = end; // what a pair holds is quoted text (org:“纪委"一部”), not quotes to pair
                }
            }
        }

        if (stray.Count == 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!stray.Contains(i))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// Full-width letters, digits and full stops (what an input method types: ｙｅａｒ：２０２２, ２０１８．．２０２２) as their ASCII
    /// forms, so filters and ranges read as typed in ASCII; the words are folded so at analysis anyway (<see cref="Analysis.TextNormalizer"/>).
    /// One character for one, so a place in the text is the same place in the folded text (the web's typed filters' chips).
    /// </summary>
    public static string HalfWidth(string text) =>
        text.Any(IsFullWidth) ? string.Create(text.Length, text, (span, from) =>
        {
            for (var i = 0; i < from.Length; i++)
            {
                span[i] = IsFullWidth(from[i]) ? (char)(from[i] - 0xFEE0) : from[i];
            }
        }) : text;

    private static bool IsFullWidth(char c) => c is (>= '０' and <= '９') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ') or '．';

    private static int FieldEnd(string text, int i)
    {
        var colon = -1;
        for (var k = i; k < text.Length && k - i <= 8; k++)
        {
            if (text[k] is ':' or '：')
            {
                colon = k;
                break;
            }

            if (!char.IsAsciiLetter(text[k]))
            {
                return -1;
            }
        }

        return colon > i && Fields.Contains(text[i..colon]) ? colon : -1;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    private static bool IsOpenQuote(char c) => c is '"' or '“' or '「';

    /// <summary>The quote that closes <paramref name="open"/> (” for “, 」 for 「, " for ").</summary>
    private static char ClosingQuote(char open) => open switch { '“' => '”', '「' => '」', _ => '"' };

    /// <summary>Renders a query back to text (for links and the UI).</summary>
    public static string Quote(string value) =>
        value.Any(IsSpace) || value.Length == 0 ? "\"" + value.Replace("\"", "", StringComparison.Ordinal) + "\"" : value;

    internal static string Describe(ParsedQuery q)
    {
        var sb = new StringBuilder();
        foreach (var clause in q.Required)
        {
            sb.Append(string.Join(" OR ", clause.Alternatives.Select(a => a.Quoted ? $"\"{a.Text}\"" : a.Text))).Append(' ');
        }

        return sb.ToString().Trim();
    }
}
