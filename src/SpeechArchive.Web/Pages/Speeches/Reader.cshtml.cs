using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
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

    public IActionResult OnGet(string? id, string? q)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return NotFound(); // model binding turns a blank id ("/speeches/%20") into null
        }

        Snapshot = archive.Snapshot;
        Query = string.IsNullOrWhiteSpace(q) ? null : q;
        IReadOnlyList<string> forms = [];
        try
        {
            forms = QueryParser.Parse(Query).Required.SelectMany(c => c.Alternatives).Select(w => w.MatchForm).ToList();
        }
        catch (QuerySyntaxException e)
        {
            QueryError = e.Message;
        }

        var document = ReaderDocument.Build(Snapshot, id, forms);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
