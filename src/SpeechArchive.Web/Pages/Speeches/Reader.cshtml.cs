using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Pages.Speeches;

/// <summary>The reader: a speech passage by passage with its outline, the query's hits marked, and citations.</summary>
internal sealed class ReaderModel(ArchiveHost archive) : PageModel
{
    public ReaderDocument Document { get; private set; } = null!;
    public string? Query { get; private set; }
    public string? QueryError { get; private set; }
    public IndexSnapshot Snapshot { get; private set; } = null!;

    /// <summary>How the search page read the query (mode=exact, expand=0, noform), carried by its links; the back link keeps it.</summary>
    public SearchQuery ReadAsGiven { get; private set; } = new();

    /// <summary>The page the reader was opened from (<c>back</c>: the search page or the concordance, with its filters, order and page), else the search page of the query, read as the reader read it.</summary>
    public string BackUrl => SearchLinks.BackTo(Request.Query["back"].FirstOrDefault(), Query) ?? SearchLinks.SearchFor(Query ?? "", ReadAsGiven);

    /// <summary>What 返回 leads back to: 用例 from the concordance, else 检索结果.</summary>
    public string BackLabel => BackUrl.StartsWith("/concordance", StringComparison.Ordinal) ? "用例" : "检索结果";

    /// <summary>How the search read a free-text query (怎样防止干部腐败: 防止 干部 腐败), whose runs and words are marked; else null (matched strictly, or mode=exact).</summary>
    public QueryReading? Reading { get; private set; }

    /// <summary>Beside the hit count: the words marked where the query was read (（按词：防止、干部、腐败）), else nothing.</summary>
    public string ReadingNote => Reading is { Words.Count: > 0 } r ? "（按词：" + string.Join("、", r.Words.Select(w => w.Word)) + "）" : "";

    /// <summary>
    /// The search's reading of <paramref name="query"/> and the thesaurus terms it searched (no hits asked for: the reader
    /// marks the words, the search page ranks them); none where the search refuses it, as for a filter value no label has (type:nonsense): the reader applies no
    /// filters, and shows the speech as for a query it cannot mark.
    /// </summary>
    private static SearchResult? ReadAs(Searcher searcher, string query, SearchQuery how)
    {
        try
        {
            return searcher.Search(new SearchRequest
            {
                Query = query,
                Limit = 0,
                NearMatches = false,
                Expand = how.IsExpanded,
                Mode = how.IsExact ? SearchMode.Exact : SearchMode.Understood,
                WithoutFormulations = how.WithoutFormulations.Take(SearchParameters.MaxNoForm).ToList(),
            });
        }
        catch (QuerySyntaxException)
        {
            return null;
        }
    }

    public IActionResult OnGet(string? id, string? q)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return NotFound(); // model binding turns a blank id ("/speeches/%20") into null
        }

        var searcher = archive.Searcher; // one generation for the page and the reading
        Snapshot = searcher.Index;
        Query = string.IsNullOrWhiteSpace(q) ? null : q;
        ReadAsGiven = ReadingOf(Request.Query);
        IReadOnlyList<string> forms = [];
        try
        {
            forms = QueryParser.Parse(Query).Required.SelectMany(c => c.Alternatives).Select(w => w.MatchForm).ToList();
        }
        catch (QuerySyntaxException e)
        {
            QueryError = e.Message;
        }

        var read = Query is not null && QueryError is null ? ReadAs(searcher, Query, ReadAsGiven) : null;
        if (read is { Reading: null, Expansions.Count: > 0 })
        {
            // Matched strictly (exact mode too): the thesaurus terms the search also found passages by are marked, as its
            // snippets mark them (国企改革 → 国有企业改革), unless expand=0 turned them off.
            forms = [.. forms, .. read.Expansions.SelectMany(e => e.Alternatives)];
        }

        if (!ReadAsGiven.IsExact && read?.Reading is { Marked.Count: > 0 } reading)
        {
            // Free text: mark what the search's snippets mark, in every passage — its runs as typed, its words with their
            // parts, thesaurus terms and components, the formulations it read. Until a writers' trial, the words were marked
            // only where the speech held no run as typed, so a speech holding 以人民为中心的发展理念 once left the passages the
            // search counted for 以人民为中心 and 发展理念 apart unmarked; the typed forms also marked the words the reading
            // dropped (的 of 干部 的 作风). A run is one of the forms and still marked whole where it occurs.
            Reading = reading;
            forms = reading.Marked;
        }

        // Free text said nearly as typed in a passage (打铁必须自身硬 for 打铁还须自身硬) is marked as the hit's snippet marks it.
        var aligned = Reading is not null && Query is not null ? searcher.AlignedSpans(Query, Reading) : null;
        var document = ReaderDocument.Build(Snapshot, id, forms, aligned);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }

    /// <summary>
    /// The reading parameters of the request (<c>mode</c>, <c>expand</c>, <c>noform</c>); a value the search page would refuse
    /// is read as its default, and the reader still shows the speech.
    /// </summary>
    private static SearchQuery ReadingOf(IQueryCollection query) => new()
    {
        Mode = Reads(() => SearchParameters.Mode.Read(query)) ? "exact" : null,
        Expand = Reads(() => !SearchParameters.Expand.Read(query)) ? "0" : null,
        NoForm = SearchQuery.From(query).NoForm,
    };

    private static bool Reads(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (QuerySyntaxException)
        {
            return false;
        }
    }
}
