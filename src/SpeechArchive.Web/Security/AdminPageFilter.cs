using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SpeechArchive.Web.Security;

/// <summary>Guards the admin pages: 404 when administration is off, else the login form unless the cookie is valid.</summary>
internal sealed class AdminPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var gate = http.RequestServices.GetRequiredService<AdminGate>();
        if (!gate.Enabled)
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (!gate.HasValidCookie(http))
        {
            var back = http.Request.Path + http.Request.QueryString;
            context.Result = new RedirectResult("/admin/login?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }

        await next();
    }
}
