using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>Related terms of a query, each a link that adds it to the search (the search page shows the same by script).</summary>
internal sealed class RelatedModel(ArchiveHost archive) : PageModel
{
    public SearchQuery Query { get; private set; } = new();
    public RelatedTermsResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
        Query = SearchQuery.From(Request.Query);
        var p = new WritingParameters(Request.Query);
        if (p.Q.Length == 0)
        {
            return;
        }

        try
        {
            Result = RelatedTerms.Find(archive.Snapshot, p.Q, p.Filters, 30);
        }
        catch (QuerySyntaxException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public string Refine(string term) => new SearchLinks(Query).WithQuery((Query.Q + " " + term).Trim());
}
