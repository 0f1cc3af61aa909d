using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>
/// A writer's tool page: reads the request's parameters (keeping the search page's filters for the form and the links) and
/// shows a query or parameter that cannot be understood on the page, answered with 400.
/// </summary>
internal abstract class WritingPageModel : PageModel
{
    /// <summary>The filters the page was opened with.</summary>
    public SearchQuery Filters { get; private set; } = new();

    public string? Error { get; private set; }

    /// <summary>The concordance of <paramref name="phrase"/> under the page's filters (a year, a theme… kept, as the page counted under them).</summary>
    public string ConcordanceOf(string phrase) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/concordance", Filters.FilterPairs().Prepend(new("q", phrase)));

    /// <summary>Runs the tool over the request's parameters; a <see cref="QuerySyntaxException"/> becomes the page's error.</summary>
    protected void Run(Action<WritingParameters> tool)
    {
        var parameters = new WritingParameters(Request.Query);
        Filters = parameters.Selection;
        try
        {
            tool(parameters);
        }
        catch (QuerySyntaxException e)
        {
            Fail(e.Message);
        }
    }

    protected void Fail(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
