using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api;

/// <summary>
/// A search as the URL carries it: <c>q</c>, facet selections (<c>theme</c>, <c>year</c>, <c>type</c>, <c>org</c>, <c>category</c>, <c>speaker</c>;
/// repeat a parameter to OR values), <c>sort</c>, <c>page</c> or <c>offset</c>, <c>limit</c>, <c>group</c>. Shared by the search page and the API.
/// </summary>
internal sealed class SearchQuery
{
    public const int MaxPage = 10_000;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "theme")] public string[]? Theme { get; set; }
    [FromQuery(Name = "year")] public string[]? Year { get; set; }
    [FromQuery(Name = "type")] public string[]? Type { get; set; }
    [FromQuery(Name = "org")] public string[]? Org { get; set; }
    /// <summary>A category's label or id (类别), exactly.</summary>
    [FromQuery(Name = "category")] public string[]? Category { get; set; }
    [FromQuery(Name = "speaker")] public string[]? Speaker { get; set; }
    /// <summary><c>relevance</c> (default), <c>date</c> (newest first) or <c>date-asc</c>.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>1-based page; wins over <c>offset</c>.</summary>
    [FromQuery(Name = "page")] public string? Page { get; set; }
    [FromQuery(Name = "offset")] public string? Offset { get; set; }
    [FromQuery(Name = "limit")] public string? Limit { get; set; }
    /// <summary><c>1</c>/<c>true</c>: one hit per speech.</summary>
    [FromQuery(Name = "group")] public string? Group { get; set; }
    /// <summary><c>0</c>: search the words only, without their thesaurus terms.</summary>
    [FromQuery(Name = "expand")] public string? Expand { get; set; }
    /// <summary><c>0</c>: strict matches only, no near matches after them.</summary>
    [FromQuery(Name = "near")] public string? Near { get; set; }
    /// <summary><c>exact</c>: search exactly as typed (every run of Chinese one phrase, every word required) instead of as free text.</summary>
    [FromQuery(Name = "mode")] public string? Mode { get; set; }

    /// <summary>The facet parameters in the order the UI shows them; each is also its filter's field in the query syntax (<c>year:2022</c>).</summary>
    public static IReadOnlyList<string> FilterParams { get; } = ["theme", "year", "type", "org", "category", "speaker"];

    public static SearchQuery From(IQueryCollection query, bool groupsBlankQuery = false) => new()
    {
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
        Mode = query["mode"].FirstOrDefault(),
    };

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
    /// Set by the search page: a blank query lists the archive, one passage per speech, unless <c>group=0</c> says otherwise
    /// (the API keeps listing passages).
    /// </summary>
    public bool GroupsBlankQuery { get; private set; } // not bound from the request (the API binds the public setters)

    public bool IsGrouped => Group is "1" or "true" or "on" || (GroupsBlankQuery && IsBlank(Q) && Group is not ("0" or "false" or "off"));

    /// <summary>Whether grouping was asked for in so many words (<c>group=1</c>), rather than by the blank query's default.</summary>
    public bool AsksGrouping => Group is "1" or "true" or "on";

    private static bool IsBlank(string? q) => string.IsNullOrWhiteSpace(q);

    public bool IsExpanded => Expand is not ("0" or "false" or "off");

    public bool WithNearMatches => Near is not ("0" or "false" or "off");

    public bool IsExact => Mode switch
    {
        null or "" or "words" => false,
        "exact" => true,
        _ => throw new QuerySyntaxException($"未知的检索方式“{Mode}”，可选 exact。(unknown mode '{Mode}': use mode=exact)"),
    };

    public SearchSort SortOrder => Sort switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "date" => SearchSort.DateDescending,
        "date-asc" => SearchSort.DateAscending,
        _ => throw new QuerySyntaxException($"未知的排序“{Sort}”，可选 relevance、date、date-asc。(unknown sort '{Sort}')"),
    };

    /// <summary>The facet selections as engine filters (<c>year:2022</c>, <c>theme:integrity</c>, …); values are quoted so they stay one term.</summary>
    public IReadOnlyList<string> Filters() =>
        FilterParams.SelectMany(p => ValuesOf(p).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => p + ":" + QuoteValue(v.Trim()))).ToList();

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

    /// <summary>The engine request; bad paging or sort values throw <see cref="QuerySyntaxException"/> (answered with 400).</summary>
    public SearchRequest ToRequest(int defaultLimit, int maxLimit)
    {
        var limit = Number(Limit, "limit", defaultLimit, 0, maxLimit);
        var offset = Page is { Length: > 0 }
            ? (Number(Page, "page", 1, 1, MaxPage) - 1) * limit
            : Number(Offset, "offset", 0, 0, MaxPage * maxLimit);
        return new SearchRequest
        {
            Query = Q ?? "",
            Filters = Filters(),
            Limit = limit,
            Offset = offset,
            Sort = SortOrder,
            GroupBySpeech = IsGrouped,
            Expand = IsExpanded,
            NearMatches = WithNearMatches,
            Mode = IsExact ? SearchMode.Exact : SearchMode.Understood,
        };
    }

    /// <summary>An integer parameter in [min, max], or the fallback when absent; anything else throws <see cref="QuerySyntaxException"/>.</summary>
    internal static int Number(string? text, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new QuerySyntaxException($"参数 {name}=“{text}”无效，应为 {min} 到 {max} 之间的整数。({name} must be an integer from {min} to {max})");
        }

        return value;
    }

    private static string[]? Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.Where(v => v is not null).Select(v => v!).ToArray() : null;
}
