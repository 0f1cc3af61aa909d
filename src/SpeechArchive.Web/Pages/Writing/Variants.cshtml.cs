using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>The formulation-variants page: the wordings of a 提法 across the archive, grouped, with counts and first and last use.</summary>
internal sealed class VariantsModel(ArchiveHost archive) : PageModel
{
    public SearchQuery Filters { get; private set; } = new();
    public string Q { get; private set; } = "";
    public VariantResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
        var p = new WritingParameters(Request.Query);
        Filters = SearchQuery.From(Request.Query);
        Q = p.Q;
        if (Q.Length == 0)
        {
            return;
        }

        try
        {
            Result = VariantFinder.Find(archive.Snapshot, new VariantRequest { Formulation = Q, Filters = p.Filters, MinSimilarity = p.Share("min", 0.6) });
        }
        catch (QuerySyntaxException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
