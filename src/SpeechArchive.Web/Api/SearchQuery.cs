using SpeechArchive.Search;

namespace SpeechArchive.Web.Api;

/// <summary>
/// A search as the URL carries it, as given: <c>q</c>, facet selections (<c>theme</c>, <c>year</c>, <c>type</c>, <c>org</c>,
/// <c>category</c>, <c>speaker</c>; repeat a parameter to OR values), <c>sort</c>, <c>page</c> or <c>offset</c>, <c>limit</c>, <c>group</c>,
/// <c>expand</c>, <c>near</c>, <c>mode</c>, <c>noform</c>; read through <see cref="SearchParameters"/>. Shared by the search page and the API.
/// </summary>
internal sealed class SearchQuery
{
    public string? Q { get; set; }
    public string[]? Theme { get; set; }
    public string[]? Year { get; set; }
    public string[]? Type { get; set; }
    public string[]? Org { get; set; }
    /// <summary>A category's label or id (类别), exactly.</summary>
    public string[]? Category { get; set; }
    public string[]? Speaker { get; set; }
    /// <summary><c>relevance</c> (default), <c>date</c> (newest first) or <c>date-asc</c>.</summary>
    public string? Sort { get; set; }
    /// <summary>1-based page; wins over <c>offset</c>.</summary>
    public string? Page { get; set; }
    public string? Offset { get; set; }
    public string? Limit { get; set; }
    /// <summary><c>1</c>/<c>true</c>: one hit per speech.</summary>
    public string? Group { get; set; }
    /// <summary><c>0</c>: search the words only, without their thesaurus terms.</summary>
    public string? Expand { get; set; }
    /// <summary><c>0</c>: strict matches only, no near matches after them.</summary>
    public string? Near { get; set; }
    /// <summary><c>0</c>: every passage a hit of its own, reprints of one text included (not folded under the first).</summary>
    public string? Fold { get; set; }
    /// <summary><c>exact</c>: search exactly as typed (every run of Chinese one phrase, every word required) instead of as free text.</summary>
    public string? Mode { get; set; }
    /// <summary>Formulations free text is not to be read as describing (<see cref="SearchRequest.WithoutFormulations"/>); repeat to name several.</summary>
    public string[]? NoForm
    {
        get => noForm;
        set
        {
            noForm = value;
            WithoutFormulations = [.. (value ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
        }
    }

    private string[]? noForm;

    /// <summary>The formulations named by <c>noform</c>, blanks left out (made once: every link of the page carries them).</summary>
    public IReadOnlyList<string> WithoutFormulations { get; private set; } = [];

    /// <summary>The facet parameters' names in the order the UI shows them (<see cref="SearchParameters.Filters"/>).</summary>
    public static IReadOnlyList<string> FilterParams { get; } = SearchParameters.Filters.Select(p => p.Name).ToList();

    public static SearchQuery From(IQueryCollection query, bool groupsBlankQuery = false)
    {
        var filterProblem = Parameters.QueryParameter.ProblemIn(query, Filtering);
        return new()
        {
            FilterProblem = filterProblem,
            Malformed = Parameters.QueryParameter.ProblemIn(query, NotFiltering) ?? filterProblem,
            GroupsBlankQuery = groupsBlankQuery,
            Q = query["q"].FirstOrDefault(),
            Theme = Values(query, "theme"),
            Year = Values(query, "year"),
            Type = Values(query, "type"),
            Org = Values(query, "org"),
            Category = Values(query, "category"),
            Speaker = Values(query, "speaker"),
            Sort = query["sort"].FirstOrDefault(),
            Page = query["page"].FirstOrDefault(),
            Offset = query["offset"].FirstOrDefault(),
            Limit = query["limit"].FirstOrDefault(),
            Group = query["group"].FirstOrDefault(),
            Expand = query["expand"].FirstOrDefault(),
            Near = query["near"].FirstOrDefault(),
            Fold = query["fold"].FirstOrDefault(),
            Mode = query["mode"].FirstOrDefault(),
            NoForm = Values(query, "noform"),
        };
    }

    /// <summary>The parameters that select passages (the facets' and <c>noform</c>), which the writers' tools read too.</summary>
    private static readonly Parameters.QueryParameter[] Filtering = [.. SearchParameters.Filters, SearchParameters.NoForm];

    /// <summary>The search's other parameters (<c>q</c>, <c>sort</c>, paging, switches), each read as one value.</summary>
    private static readonly Parameters.QueryParameter[] NotFiltering = [.. SearchParameters.All(0, SearchRequest.MaxLimit).Except(Filtering)];

    /// <summary>Why the URL's parameters cannot be read as sent (<see cref="Parameters.QueryParameter.Problem"/>), or null; <see cref="ToRequest"/> refuses them.</summary>
    public string? Malformed { get; private set; } // not bound from the request

    /// <summary>Why a filter's values cannot be read as sent (a value not UTF-8), or null: the writers' tools, whose other parameters are their own, refuse only this.</summary>
    public string? FilterProblem { get; private set; } // not bound from the request

    public IReadOnlyList<string> ValuesOf(string param) => param switch
    {
        "theme" => Theme ?? [],
        "year" => Year ?? [],
        "type" => Type ?? [],
        "org" => Org ?? [],
        "category" => Category ?? [],
        _ => Speaker ?? [],
    };

    public bool HasFilters => FilterParams.Any(p => ValuesOf(p).Count > 0);

    /// <summary>The selected values as URL parameters, in the order of <see cref="FilterParams"/>, without those of <paramref name="except"/>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> FilterPairs(params string[] except) =>
        FilterParams.Where(p => !except.Contains(p)).SelectMany(p => ValuesOf(p).Select(v => new KeyValuePair<string, string?>(p, v)));

    /// <summary>
    /// Set by the search page: the bare home page (no words, no filters) lists the archive, one passage per speech, unless
    /// <c>group=0</c> says otherwise; a filtered list (a heat-table cell, a theme badge) and the API keep listing passages.
    /// </summary>
    public bool GroupsBlankQuery { get; private set; } // not bound from the request (the API binds the public setters)

    public bool IsGrouped => string.IsNullOrEmpty(Group) ? GroupsBlankQuery && string.IsNullOrWhiteSpace(Q) && !HasFilters : SearchParameters.Group.ParseOrFallback(Group);

    /// <summary>Whether grouping was asked for in so many words (<c>group=1</c>), rather than by the blank query's default.</summary>
    public bool AsksGrouping => !string.IsNullOrEmpty(Group) && SearchParameters.Group.ParseOrFallback(Group);

    public bool IsExpanded => SearchParameters.Expand.ParseOrFallback(Expand);

    public bool WithNearMatches => SearchParameters.Near.ParseOrFallback(Near);

    public bool FoldsReprints => SearchParameters.Fold.ParseOrFallback(Fold);

    public bool IsExact => SearchParameters.Mode.Parse(Mode);

    public SearchSort SortOrder => SearchParameters.Sort.Parse(Sort);

    /// <summary>
    /// The facet selections as engine filters (<c>year:2022</c>, <c>theme:integrity</c>, …); values are quoted so they stay one term.
    /// A <c>year</c> value that is no year or range throws <see cref="QuerySyntaxException"/> naming the parameter (the search's and
    /// the writers' tools' alike), not a column of a query nobody typed (the engine parses selections as year:… filters).
    /// </summary>
    public IReadOnlyList<string> Filters()
    {
        if ((Year ?? []).FirstOrDefault(y => !string.IsNullOrWhiteSpace(y) && !Presentation.TypedFilters.TryYears(y.Trim(), out _)) is { } badYear)
        {
            throw new QuerySyntaxException($"参数 year 的取值“{badYear}”无法识别，应写作 year=2022 或 year=2018..2022。(year={badYear}: use year=2022 or year=2018..2022)");
        }

        return FilterParams.SelectMany(p => ValuesOf(p).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => p + ":" + QuoteValue(v.Trim()))).ToList();
    }

    /// <summary>
    /// A filter value as one query term: bare when it can be, else between quotes of a kind it does not contain (an organisation
    /// named 信息中心"一部" stays selectable; bare, its quote would be a syntax error).
    /// </summary>
    internal static string QuoteValue(string value)
    {
        if (!value.Any(c => char.IsWhiteSpace(c) || c is '\u3000' or '"' or '“' or '”' or '「' or '」'))
        {
            return value;
        }

        foreach (var (open, close) in new[] { ('"', '"'), ('“', '”'), ('「', '」') })
        {
            if (!value.Contains(close, StringComparison.Ordinal))
            {
                return open + value + close;
            }
        }

        return "\"" + value.Replace("\"", "", StringComparison.Ordinal) + "\""; // every kind of closing quote: drop the ASCII ones
    }

    /// <summary>The engine request; bad paging, sort or year values throw <see cref="QuerySyntaxException"/> (answered with 400).</summary>
    public SearchRequest ToRequest(int defaultLimit, int maxLimit)
    {
        if (Malformed is { } malformed)
        {
            throw new QuerySyntaxException(malformed);
        }

        var filters = Filters();
        foreach (var (flag, value) in new[] { (SearchParameters.Group, Group), (SearchParameters.Expand, Expand), (SearchParameters.Near, Near), (SearchParameters.Fold, Fold) })
        {
            _ = flag.Parse(value); // group=yes is refused, not read as the default
        }

        var limit = SearchParameters.Limit(defaultLimit, maxLimit).Parse(Limit);
        var offset = Page is { Length: > 0 }
            ? (SearchParameters.Page.Parse(Page) - 1) * limit
            : SearchParameters.Offset(maxLimit).Parse(Offset);
        if (offset > SearchRequest.MaxOffset)
        {
            throw new QuerySyntaxException($"参数 page=“{Page}”无效：每页 {limit} 条时最多翻到第 {SearchRequest.MaxOffset / Math.Max(1, limit) + 1} 页（跳过的结果不能超过 {SearchRequest.MaxOffset} 条）。(page {Page} skips more than the {SearchRequest.MaxOffset} results a search reaches)");
        }
        return new SearchRequest
        {
            Query = Q ?? "",
            Filters = filters,
            Limit = limit,
            Offset = offset,
            Sort = SortOrder,
            GroupBySpeech = IsGrouped,
            Expand = IsExpanded,
            NearMatches = WithNearMatches,
            FoldReprints = FoldsReprints,
            Mode = IsExact ? SearchMode.Exact : SearchMode.Understood,
            WithoutFormulations = WithoutFormulations.Count <= SearchParameters.MaxNoForm ? WithoutFormulations
                : throw new QuerySyntaxException($"noform 最多给出 {SearchParameters.MaxNoForm} 个提法。(at most {SearchParameters.MaxNoForm} noform values)"),
        };
    }

    private static string[]? Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.Where(v => v is not null).Select(v => v!).ToArray() : null;
}
