namespace SpeechArchive.Search;

/// <summary>
/// Groups: (全面从严治党 OR 作风建设) 监督 is read as clauses of alternatives, as 全面从严治党 OR 作风建设 监督 always was; a group
/// those cannot say ((甲 乙) OR 丙) is refused. Only a parenthesis at a word's edge that another pairs with groups; one inside
/// a word, or closed or opened by the word's own text (关于（试行）的规定, （一）加强学习, 规定（试行）), is the text's own
/// punctuation, and one nothing pairs with is left out.
/// </summary>
public static partial class QueryParser
{
    private const char NoParen = '\0';
    private const char OpenParen = '(';
    private const char CloseParen = ')';

    /// <summary>Dashes other than the minus: punctuation at a word's edge (——整改), never an exclusion.</summary>
    private static readonly char[] Dashes = ['—', '–', '―', '‒', '‐', '‑', '⸺', '⸻', '﹘'];

    private static bool IsOpenParen(char c) => c is '(' or '（';

    private static bool IsCloseParen(char c) => c is ')' or '）';

    /// <summary>The minus of an exclusion: ASCII, full-width (what an input method types) or the minus sign.</summary>
    private static bool IsMinus(char c) => c is '-' or '－' or '−';

    /// <summary>
    /// The parentheses that group in one run of text between spaces: the opening ones it begins with (after a minus), up to
    /// <see cref="OpenEnd"/>, and the closing ones it ends with, from <see cref="CloseStart"/>, less those the run's own text
    /// closes or leaves open (（一）加强学习, 规定（试行）), which are its punctuation.
    /// </summary>
    private readonly record struct GroupParens(int OpenEnd, int CloseStart, int CloseEnd)
    {
        public static GroupParens None { get; } = new(-1, -1, -1);

        public bool Closes(int i) => i >= CloseStart && i < CloseEnd;

        /// <param name="leading">Whether the run begins at <paramref name="start"/> (else it is the rest of one, after a quote).</param>
        public static GroupParens Of(string text, int start, bool leading)
        {
            var end = start;
            while (end < text.Length && !IsSpace(text[end]))
            {
                end++;
            }

            var from = leading && start < end && IsMinus(text[start]) ? start + 1 : start;
            var openEnd = from;
            while (leading && openEnd < end && IsOpenParen(text[openEnd]))
            {
                openEnd++;
            }

            var closeStart = end;
            while (closeStart > openEnd && IsCloseParen(text[closeStart - 1]))
            {
                closeStart--;
            }

            // The run's own parentheses pair with the nearest: a closing one nothing inside opened closes one it began with.
            int depth = 0, closedInside = 0;
            for (var k = openEnd; k < closeStart; k++)
            {
                if (IsOpenQuote(text[k]) && text.IndexOf(ClosingQuote(text[k]), k + 1) is var q && q > k && q < closeStart)
                {
                    k = q; // what quotes hold is a phrase, its parentheses its own
                }
                else if (IsOpenParen(text[k]))
                {
                    depth++;
                }
                else if (IsCloseParen(text[k]))
                {
                    if (depth > 0)
                    {
                        depth--;
                    }
                    else
                    {
                        closedInside++;
                    }
                }
            }

            var openers = Math.Max(0, openEnd - from - closedInside);
            var closers = Math.Max(0, end - closeStart - depth);
            return new GroupParens(from + openers, end - closers, end);
        }
    }

    /// <summary>
    /// <paramref name="tokens"/> with the parentheses nothing pairs with left out (a stray “(” typed in a sentence): a minus
    /// or NOT before one excludes the word it touches, as before one it would have been part of (-(形式主义).
    /// </summary>
    private static List<RawToken> PairGroups(List<RawToken> tokens)
    {
        if (tokens.TrueForAll(t => t.Paren == NoParen))
        {
            return tokens;
        }

        var paired = new bool[tokens.Count];
        var open = new Stack<int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Paren == OpenParen)
            {
                open.Push(k);
            }
            else if (tokens[k].Paren == CloseParen && open.TryPop(out var opener))
            {
                paired[k] = paired[opener] = true;
            }
        }

        var kept = new List<RawToken>(tokens.Count);
        RawToken? negation = null; // an unpaired opening parenthesis after a minus
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (negation is not null && t.At == negation.At + 1 && !t.Negated && !t.IsOr && t.Paren != CloseParen)
            {
                if (t.Field is not null)
                {
                    throw FilterNotExcluded(negation.Column, "-", t.Field);
                }

                t = t with { Negated = true, Column = negation.Column };
            }

            negation = null;
            if (t.Paren != NoParen && !paired[k])
            {
                negation = t.Negated && t.Paren == OpenParen ? t : null;
                continue;
            }

            kept.Add(t);
        }

        return kept;
    }

    /// <summary>The tokens that are excluded words: those after a minus or NOT, and the words of a group excluded so.</summary>
    private static IEnumerable<RawToken> ExcludedTokens(List<RawToken> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k] is { Negated: true, Paren: OpenParen })
            {
                var depth = 0;
                for (; k < tokens.Count; k++)
                {
                    depth += tokens[k].Paren == OpenParen ? 1 : tokens[k].Paren == CloseParen ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }

                    if (tokens[k] is { Paren: NoParen, IsOr: false, Field: null })
                    {
                        yield return tokens[k];
                    }
                }
            }
            else if (tokens[k].Negated)
            {
                yield return tokens[k];
            }
        }
    }

    private static QuerySyntaxException OrNeedsWords(int column) =>
        new($"第 {column} 列的 OR 两边都需要检索词。(OR at column {column} needs a word on each side)");

    private static QuerySyntaxException AndNeedsWords(int column, string word) =>
        new($"第 {column} 列的 {word} 两边都需要检索词。({word} at column {column} needs a word on each side)");

    private static QuerySyntaxException NotNeedsWord(int column) =>
        new($"第 {column} 列的 NOT 后面缺少要排除的词。(NOT at column {column} must be followed by a word to exclude)");

    private static QuerySyntaxException FilterNotExcluded(int column, string negation, string field) =>
        new($"第 {column} 列的 {negation}{field}: 筛选条件不能排除，请改为筛选要保留的取值（如 year:2018..2021）。(a filter cannot be excluded: {negation}{field}: at column {column}; filter on the values to keep instead)");

    /// <summary>
    /// Reads tokens into clauses of alternatives, every clause required: words one after another must all match, OR joins the
    /// words either side of it into one clause, and a group is read as its clauses; a group OR joins to others must be one
    /// clause of words, and so must a group excluded (-(甲 OR 乙) is -甲 -乙). Filters and exclusions apply to the whole query.
    /// </summary>
    private sealed class ClauseReader(List<RawToken> tokens, Action<RawToken> filter, List<QueryWord> excluded)
    {
        private int at;

        public List<List<QueryWord>> ReadAll() => Read(null).Clauses;

        /// <summary>Reads to the end of <paramref name="group"/> (its closing parenthesis read too), or of the query.</summary>
        private Part Read(RawToken? group)
        {
            var part = new Part(group);
            while (at < tokens.Count)
            {
                var t = tokens[at];
                if (t.Paren == CloseParen)
                {
                    at++;
                    return part; // every parenthesis left is paired, so it is this group's
                }

                if (t.IsOr)
                {
                    throw OrNeedsWords(t.Column);
                }

                if (t.Field is not null || t.Negated)
                {
                    at++;
                    if (t.Field is not null)
                    {
                        filter(t);
                    }
                    else
                    {
                        Exclude(t);
                    }

                    part.Operators = true;
                    continue;
                }

                var first = Operand();
                if (at < tokens.Count && tokens[at].IsOr)
                {
                    var alternatives = Alternatives(first, tokens[at]);
                    while (at < tokens.Count && tokens[at].IsOr)
                    {
                        var or = tokens[at++];
                        if (at >= tokens.Count || tokens[at] is { IsOr: true } or { Negated: true } or { Paren: CloseParen } || tokens[at].Field is not null)
                        {
                            throw OrNeedsWords(or.Column);
                        }

                        alternatives.AddRange(Alternatives(Operand(), or));
                    }

                    part.Clauses.Add(alternatives);
                }
                else
                {
                    part.Clauses.AddRange(first.Clauses);
                    part.Operators |= first.Operators;
                }
            }

            return part;
        }

        /// <summary>A word, or a group (what follows an opening parenthesis, up to its closing one).</summary>
        private Part Operand()
        {
            var t = tokens[at++];
            if (t.Paren == OpenParen)
            {
                return Read(t);
            }

            var part = new Part(null);
            part.Clauses.Add([MakeWord(t)!]);
            return part;
        }

        private void Exclude(RawToken t)
        {
            if (t.Paren != OpenParen)
            {
                excluded.Add(MakeWord(t)!);
                return;
            }

            var group = Read(t);
            if (group.Operators || group.Clauses.Count > 1)
            {
                throw new QuerySyntaxException($"第 {t.Column} 列排除的括号里只能是一个词或用 OR 连接的几个词，如 -(形式主义 OR 官僚主义)；不同时含几个词的段落无法排除，请分别排除或改写。(a group excluded at column {t.Column} can hold a word or words joined by OR only, as -(A OR B); -(A B), passages not holding both, cannot be searched)");
            }

            excluded.AddRange(group.Clauses.SelectMany(c => c));
        }

        /// <summary>The alternatives <paramref name="part"/> gives the clause <paramref name="or"/> makes: its one clause.</summary>
        private static List<QueryWord> Alternatives(Part part, RawToken or)
        {
            if (part.Operators)
            {
                throw new QuerySyntaxException($"第 {part.Group!.Column} 列的括号里有排除词或筛选条件，不能与别的词用 OR 连接；请把它们写在括号外。(the group at column {part.Group.Column} holds an exclusion or a filter and cannot be joined to others by OR; put them outside the parentheses)");
            }

            return part.Clauses.Count switch
            {
                0 => throw OrNeedsWords(or.Column),
                1 => [.. part.Clauses[0]],
                _ => throw new QuerySyntaxException($"第 {part.Group!.Column} 列的括号里是须同时出现的几个词，不能再与别的词用 OR 连接；请改写，如 (甲 乙) OR 丙 写作 (甲 OR 丙) (乙 OR 丙)。(the group at column {part.Group.Column} holds words that must all match and cannot be joined to others by OR; rewrite it: (A B) OR C is (A OR C) (B OR C))"),
            };
        }
    }

    /// <summary>What a group (or the query) reads as: its clauses, and whether it holds a filter or an exclusion.</summary>
    private sealed class Part(RawToken? group)
    {
        public RawToken? Group { get; } = group;

        public List<List<QueryWord>> Clauses { get; } = [];

        public bool Operators { get; set; }
    }
}
