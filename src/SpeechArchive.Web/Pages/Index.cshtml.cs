using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Pages;

/// <summary>The search page: query box, facets with drill-sideways counts, filter chips, year histogram, hits, paging.</summary>
internal sealed class IndexModel(ArchiveHost archive) : PageModel
{
    public const int PageSize = 10;
    public const int MaxPageSize = 50;

    /// <summary>
    /// How many of the words a query was read as get a chip with its own × (each a link carrying the whole query less that
    /// word); the rest are listed under 另有 N 个词 without one, so a pasted paragraph (up to <see cref="QueryParser.MaxLength"/>
    /// characters, some 250 words) does not make a page of megabytes.
    /// </summary>
    public const int RemovableWords = 24;

    public SearchQuery Query { get; private set; } = new();
    public SearchLinks Links { get; private set; } = new(new SearchQuery());
    public IndexSnapshot Snapshot { get; private set; } = null!;
    public SearchResult? Result { get; private set; }
    public YearHistogram? Histogram { get; private set; }
    public string? Error { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; }

    /// <summary>What to try when the page found nothing, not even near matches (each suggestion searched first); else null.</summary>
    public NoResultsAdvice? Advice { get; private set; }

    /// <summary>Whether the words without any filter, typed ones included (<see cref="SearchLinks.ClearFilters"/>), find anything.</summary>
    public bool FindsWithoutFilters() =>
        archive.Searcher.Count(Query.ToRequest(PageSize, MaxPageSize) with { Query = TypedFilters.Without(Query.Q, (_, _) => true) ?? "", Filters = [] }) > 0;

    /// <summary>Whether <paramref name="q"/> finds anything with the page's filters: advice never proposes a query that finds nothing.</summary>
    public bool Finds(string q, bool exact) =>
        archive.Searcher.Count(Query.ToRequest(PageSize, MaxPageSize) with { Query = q, Mode = exact ? SearchMode.Exact : SearchMode.Understood }) > 0; // near matches alone: the suggestion would lead to "没有找到结果" again

    /// <summary>
    /// For a year filter that emptied the result (<paramref name="part"/>) whose every value lies outside the years the
    /// archive's speeches have: those years (1921—2024年), so the advice says why; else null.
    /// </summary>
    public string? ArchiveYearsBeyond(EmptyingPart part)
    {
        if (part.Field != "year" || part.Kind is not (EmptyingPart.Filter or EmptyingPart.Selection))
        {
            return null;
        }

        var years = Snapshot.Speeches.Where(s => s.Passages.Count > 0 && s.Year is not null).Select(s => s.Year!.Value).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var (first, last) = (years.Min(), years.Max());
        foreach (var value in part.Values)
        {
            if (!TypedFilters.TryYears(value, out var range) || (range.From <= last && range.To >= first))
            {
                return null; // within the archive's years: the filter's other parts, or the words, emptied it
            }
        }

        return first == last ? $"{first}年" : $"{first}—{last}年";
    }

    /// <summary>The filters in force, each removable.</summary>
    public FilterChips Chips { get; private set; } = new([], new SearchLink(SearchLinks.SearchPath, null, null, []));

    /// <summary>The order the hits are in: as asked, else relevance for a query and the newest first without one.</summary>
    public SearchSort Sort { get; private set; }

    public IActionResult OnGet()
    {
        if (Request.Query.TryGetValue(SearchLink.Parameter, out var to))
        {
            // A button of the page's form: its query, and where the button leads less it.
            if (to.Count == 1 && SearchLink.Follow(Request.Query["q"].FirstOrDefault(), to[0]) is { } target)
            {
                return LocalRedirect(target);
            }

            // The search box keeps what the user typed, so one press of 检索 searches it again.
            Query = new SearchQuery { Q = Request.Query["q"].FirstOrDefault() };
            Links = new SearchLinks(Query);
            Snapshot = archive.Searcher.Index;
            Error = $"参数 {SearchLink.Parameter} 不是本页按钮给出的值，无法知道要去哪一页。(the parameter {SearchLink.Parameter} is not one a button of this page gives)";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Query = SearchQuery.From(Request.Query, groupsBlankQuery: true); // the home page lists the newest speeches, one passage each
        Query.Sort = SearchParameters.Sort.Canonical(Query.Sort); // the page's links write sort=date as date-desc
        Links = new SearchLinks(Query);
        var searcher = archive.Searcher; // one generation for the whole page, even if a reindex swaps meanwhile
        Snapshot = searcher.Index;
        if (Query.Category is { Length: > 0 } categories)
        {
            Query.Category = categories.Select(c => Snapshot.CategoryLabel(c) ?? c).ToArray(); // an id selects (and unchecks) its label's box
        }

        Chips = FilterChips.For(Request, Query, Snapshot) with { Form = SearchLink.Form };
        try
        {
            var request = Query.ToRequest(PageSize, MaxPageSize);
            if (request.Limit == 0)
            {
                request = request with { Limit = PageSize };
            }

            if (string.IsNullOrWhiteSpace(request.Query) && string.IsNullOrEmpty(Query.Sort))
            {
                request = request with { Sort = SearchSort.DateDescending }; // nothing to rank by: the newest first
            }

            Sort = request.Sort;

            Result = searcher.Search(request);
            Advice = Result.Total + Result.NearTotal == 0 ? searcher.Advise(request) : null;
            MeaningSuggestions = Result.Reading is { MeaningSearched: true } reading ? Neighbours.Replacements(Snapshot, reading.Words) : [];
            RemovedFormulations = Result.Reading is null || searcher.Understanding is not { } understanding ? []
                : [.. Query.WithoutFormulations.Where(f => understanding.Thesaurus.Formulations.Any(t => t.Formulation == f))];
            Histogram = YearHistogram.Create(Result.Facets.Year, Links);
            PageNumber = request.Offset / request.Limit + 1;
            PageCount = (Result.Total - Result.Folded + Result.NearTotal + request.Limit - 1) / request.Limit;
        }
        catch (QuerySyntaxException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>
    /// The formulations <c>noform</c> removed from a free-text reading that the thesaurus has (a value naming none, or a query
    /// not read as free text, shows no 已去掉提法 chip: it removed nothing).
    /// </summary>
    public IReadOnlyList<string> RemovedFormulations { get; private set; } = [];

    /// <summary>Per word of the free-text reading, words near it in meaning that passages hold, offered in its place.</summary>
    public IReadOnlyList<WordReplacements> MeaningSuggestions { get; private set; } = [];

    /// <summary>The JSON the related-terms panel is filled from (by script, which adds the page's query: <see cref="SearchLink.To"/>).</summary>
    public SearchLink RelatedTerms => new("/api/related-terms", Query.Q, null, [.. Query.FilterPairs(), new("limit", "12")]);

    /// <summary>The related-terms page, for readers without script.</summary>
    public SearchLink RelatedPage => new("/related", Query.Q, null, [.. Query.FilterPairs()]);

    /// <summary>The ordinal of a hit's passage in its speech, for the reader's anchor.</summary>
    public int? PassageOrdinal(SearchHit hit) => Snapshot.FindPassage(hit.PassageId) is int i ? Snapshot.Passages[i].Ordinal : null;
}
