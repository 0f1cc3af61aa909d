using System.Globalization;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Api.Parameters;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>The concordance page: every occurrence of a phrase, one row each, context aligned on the hit; sort, years, CSV.</summary>
internal sealed class ConcordanceModel(ArchiveHost archive) : WritingPageModel
{
    public const int PageSize = 200;

    private static readonly IntegerParameter PageParameter = new("page", "页码", 1, 1, 100_000);

    public string Q { get; private set; } = "";
    /// <summary>The rows' order as the page's links write it (<c>date</c>, the older word, read as <c>date-asc</c>).</summary>
    public string Sort { get; private set; } = DefaultSort;

    private static string DefaultSort => WritingParameters.ConcordanceOrder.Words[0];
    public ConcordanceResult? Result { get; private set; }
    public YearHistogram? Years { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public void OnGet() => Run(p =>
    {
        Q = p.Q;
        Sort = WritingParameters.ConcordanceOrder.Canonical(Request.Query["sort"].FirstOrDefault()) ?? DefaultSort;
        if (Q.Length == 0)
        {
            return;
        }

        PageNumber = p.Read(PageParameter);
        Result = ConcordanceBuilder.Build(archive.Snapshot, new ConcordanceRequest
        {
            Phrase = Q,
            Filters = p.Filters,
            Sort = p.Read(WritingParameters.ConcordanceOrder),
            Offset = (PageNumber - 1) * PageSize,
            Limit = PageSize,
        });
        var selected = Filters.Year ?? [];
        Years = YearHistogram.Create(Result.ByYear.Select(y => (y.Year, y.Count, selected.Contains(y.Year.ToString(CultureInfo.InvariantCulture)), Link(year: y.Year.ToString(CultureInfo.InvariantCulture)))).ToList());
    });

    public int PageCount => Result is null ? 0 : (Result.Total + PageSize - 1) / PageSize;

    /// <summary>
    /// A page asked for past the last (page=9 of 3): no rows, which the page says, with a link to the last page, rather than
    /// an empty table under the count (a writers' trial).
    /// </summary>
    public bool IsPastEnd => Result is { Total: > 0, Lines.Count: 0 };

    /// <summary>The rows this page shows, numbered from 1 over every occurrence (201–400 of 574).</summary>
    public (int First, int Last) Rows => Result is null ? (0, 0) : (Result.Offset + 1, Result.Offset + Result.Lines.Count);

    /// <summary>This page with another sort, year or format (filters kept; another page: <see cref="PageLink"/>).</summary>
    public string Link(string? sort = null, string? year = null, bool csv = false)
    {
        var pairs = Pairs(sort, year);
        if (csv)
        {
            pairs.Add(new("format", "csv"));
            return "/api/concordance" + QueryString.Create(pairs);
        }

        return OnPage(pairs, null).Href;
    }

    /// <summary>Page <paramref name="page"/> of this page's rows, in its order and under its filters: a link of its pager.</summary>
    public SearchLink PageLink(int page) => OnPage(Pairs(null, null), page);

    private static SearchLink OnPage(List<KeyValuePair<string, string?>> pairs, int? page)
    {
        if (page is > 1)
        {
            pairs.Add(new("page", page.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return new SearchLink("/concordance", null, null, pairs);
    }

    private List<KeyValuePair<string, string?>> Pairs(string? sort, string? year)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", Q) };
        if (year is null)
        {
            pairs.AddRange(Filters.FilterPairs());
        }
        else
        {
            pairs.AddRange(Filters.FilterPairs("year"));
            pairs.Add(new("year", year));
        }

        var s = sort ?? Sort;
        if (s != DefaultSort)
        {
            pairs.Add(new("sort", s));
        }

        return pairs;
    }
}
