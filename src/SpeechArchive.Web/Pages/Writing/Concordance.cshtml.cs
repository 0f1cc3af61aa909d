using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>The concordance page: every occurrence of a phrase, one row each, context aligned on the hit; sort, years, CSV.</summary>
internal sealed class ConcordanceModel(ArchiveHost archive) : PageModel
{
    public const int PageSize = 200;

    public SearchQuery Filters { get; private set; } = new();
    public string Q { get; private set; } = "";
    public string Sort { get; private set; } = "date";
    public ConcordanceResult? Result { get; private set; }
    public YearHistogram? Years { get; private set; }
    public string? Error { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public void OnGet()
    {
        var p = new WritingParameters(Request.Query);
        Filters = SearchQuery.From(Request.Query);
        Q = p.Q;
        Sort = Request.Query["sort"].FirstOrDefault() ?? "date";
        if (Q.Length == 0)
        {
            return;
        }

        try
        {
            PageNumber = p.Number("page", 1, 1, 100_000);
            Result = ConcordanceBuilder.Build(archive.Snapshot, new ConcordanceRequest
            {
                Phrase = Q,
                Filters = p.Filters,
                Sort = p.ConcordanceSort,
                Offset = (PageNumber - 1) * PageSize,
                Limit = PageSize,
            });
            var selected = Filters.Year ?? [];
            Years = YearHistogram.Create(Result.ByYear.Select(y => (y.Year, y.Count, selected.Contains(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), Link(year: y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList());
        }
        catch (QuerySyntaxException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public int PageCount => Result is null ? 0 : (Result.Total + PageSize - 1) / PageSize;

    /// <summary>This page with another sort, page, year or format (filters kept).</summary>
    public string Link(string? sort = null, int? page = null, string? year = null, bool csv = false)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", Q) };
        foreach (var (param, _) in SearchQuery.FilterFields)
        {
            if (param == "year" && year is not null)
            {
                continue;
            }

            pairs.AddRange(Filters.ValuesOf(param).Select(v => new KeyValuePair<string, string?>(param, v)));
        }

        if (year is not null)
        {
            pairs.Add(new("year", year));
        }

        var s = sort ?? Sort;
        if (s != "date")
        {
            pairs.Add(new("sort", s));
        }

        if (csv)
        {
            pairs.Add(new("format", "csv"));
            return "/api/concordance" + QueryString.Create(pairs);
        }

        if (page is > 1)
        {
            pairs.Add(new("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/concordance" + QueryString.Create(pairs);
    }
}
