using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SpeechArchive.Web.Security;

/// <summary>
/// Marks a page's form refused by the antiforgery check (its token missing, or not the one its cookie was issued with: a form
/// opened in another browser, or before the cookie was replaced), so the status page it is re-executed to says why and what
/// to do. The framework answers such a form with an empty 400, which a browser shows as a blank page.
/// </summary>
internal sealed class AntiforgeryRefusal : IAlwaysRunResultFilter
{
    /// <summary>Whether the request being answered was refused by the antiforgery check (read by the status page).</summary>
    public static bool IsRefused(HttpContext context) => context.Features.Get<AntiforgeryRefusal>() is not null;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Features.Set(this); // the result stays the framework's 400; the status-code pages write its body
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
