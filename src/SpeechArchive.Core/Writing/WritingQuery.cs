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

    /// <summary>Parses; a query without a word to look for throws <see cref="QuerySyntaxException"/>.</summary>
    public static WritingQuery Parse(IndexSnapshot index, string? text, IReadOnlyList<string>? filters, string what)
    {
        var parsed = QueryParser.Parse(text, filters);
        if (!parsed.HasWords)
        {
            throw new QuerySyntaxException($"请输入要查的{what}。(give a {EnglishOf(what)} to look for)");
        }

        return new WritingQuery(index, parsed);
    }

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
