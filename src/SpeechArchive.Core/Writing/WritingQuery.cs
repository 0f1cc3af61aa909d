using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>A phrase (or phrases joined by OR) and filters in query syntax, resolved against an index for the writers' tools.</summary>
internal sealed class WritingQuery
{
    private readonly IndexSnapshot index;
    private readonly ResolvedFilters filters;
    private readonly HashSet<int> excluded = [];

    private WritingQuery(IndexSnapshot index, ParsedQuery parsed)
    {
        this.index = index;
        Parsed = parsed;
        filters = ResolvedFilters.Resolve(index, parsed.Filters);
        foreach (var word in parsed.Excluded)
        {
            excluded.UnionWith(Matcher.Match(index, word).Docs);
        }
    }

    public ParsedQuery Parsed { get; }

    /// <summary>Every word of the query (OR alternatives and words of several clauses alike).</summary>
    public IReadOnlyList<QueryWord> Words => Parsed.Required.SelectMany(c => c.Alternatives).ToList();

    /// <summary>
    /// Parses; a query without a word to look for throws <see cref="QuerySyntaxException"/>. <paramref name="onePhrase"/>: a
    /// writer's phrase or formulation, whose runs of Chinese parted by spaces are one phrase (<see cref="JoinHanRuns"/>); a
    /// search query's words stay apart.
    /// </summary>
    public static WritingQuery Parse(IndexSnapshot index, string? text, IReadOnlyList<string>? filters, string what, bool onePhrase = false)
    {
        var read = onePhrase ? JoinHanRuns(text) : text;
        var parsed = QueryParser.Parse(read, filters);
        if (!parsed.HasWords)
        {
            throw NothingToLookFor(read ?? "", parsed, what);
        }

        return new WritingQuery(index, parsed);
    }

    /// <summary>
    /// Why a query gives nothing to look for: an exclusion alone (-发展, typed for the phrase itself, the minus read as the
    /// operator) or filters alone typed, each said with what to do, or nothing typed.
    /// </summary>
    private static QuerySyntaxException NothingToLookFor(string text, ParsedQuery parsed, string what)
    {
        var english = EnglishOf(what);
        text = QueryParser.HalfWidth(text); // as the parser reads it: ＮＯＴ 发展 is NOT 发展, ｙｅａｒ:２０２２ year:2022
        if (parsed.Excluded.Count > 0)
        {
            var typed = string.Join(' ', QueryParser.Operators(text).Exclusions.Select(e => e.Typed).Distinct());
            var word = parsed.Excluded[0].Text;
            return new QuerySyntaxException($"只有排除的词 {typed}，没有要查的{what}：减号表示排除含它的段落。要查“{word}”本身，请去掉减号；要排除它，请在前面写上要查的{what}，如 全面从严治党 {typed}。(only an exclusion, {typed}, and no {english} to look for: a minus leaves out the passages holding the word; drop the minus to look up '{word}' itself, or put a {english} before it)");
        }

        if (QueryParser.FilterTerms(text).Count > 0)
        {
            return new QuerySyntaxException($"只有筛选条件，没有要查的{what}：请在筛选条件前写上要查的{what}，如 全面从严治党 year:2022。(only filters and no {english} to look for: put a {english} before them)");
        }

        return new QuerySyntaxException($"请输入要查的{what}。(give a {english} to look for)");
    }

    /// <summary>
    /// <paramref name="text"/> with the spaces between two runs of Chinese taken out (从严 治党, or with a full-width space
    /// pasted from a document: 从严治党): Chinese is written without spaces, and a writer's phrase is one phrase. Filters
    /// (year:2022), exclusions (-治党), quoted phrases and OR keep their spaces; several phrases are joined by OR.
    /// </summary>
    internal static string? JoinHanRuns(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var tokens = text.Split((char[])[' ', '\t', '\u3000', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var joined = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && !(IsHanRun(tokens[i - 1]) && IsHanRun(tokens[i])))
            {
                joined.Append(' ');
            }

            joined.Append(tokens[i]);
        }

        return joined.ToString();
    }

    /// <summary>
    /// Han characters, and the full-width punctuation inside a sentence (不敢腐、不能腐), but no quotation mark; beginning and
    /// ending with a Han character, so that an exclusion typed with a full-width minus (－治党) stays one.
    /// </summary>
    private static bool IsHanRun(string token) =>
        Analysis.TextNormalizer.KindOf(token[0]) == Analysis.CharKind.Cjk && Analysis.TextNormalizer.KindOf(token[^1]) == Analysis.CharKind.Cjk
        && token.All(c => Analysis.TextNormalizer.KindOf(c) == Analysis.CharKind.Cjk
            || (Analysis.TextNormalizer.KindOf(c) == Analysis.CharKind.Soft && c > '\u007f' && "“”‘’「」『』".IndexOf(c, StringComparison.Ordinal) < 0));

    /// <summary>Filters only (years, themes, …) from filter terms; every passage passes when there are none.</summary>
    public static WritingQuery FiltersOnly(IndexSnapshot index, IReadOnlyList<string>? filters) => new(index, QueryParser.Parse("", filters));

    /// <summary>Whether a passage passes the filters and holds none of the excluded words.</summary>
    public bool Accepts(int doc) => filters.Failures(index, doc) == 0 && !excluded.Contains(doc);

    /// <summary>Whether a passage passes the filters on its speech (year, organisation, speaker), ignoring passage labels.</summary>
    public bool AcceptsSpeech(int doc) =>
        (filters.Failures(index, doc) & ~((1 << ResolvedFilters.ThemeDim) | (1 << ResolvedFilters.TypeDim))) == 0;

    /// <summary>The passages holding <paramref name="word"/> that pass the filters, in index order.</summary>
    public IEnumerable<int> Passages(QueryWord word) => Matcher.Match(index, word).Docs.Where(Accepts);

    private static string EnglishOf(string what) => what switch
    {
        "短语" => "phrase",
        "提法" => "formulation",
        _ => "query",
    };
}
