using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Security;

namespace SpeechArchive.Web.Pages.Admin;

/// <summary>The admin login form: a valid token sets an HttpOnly, SameSite=Strict cookie holding an HMAC of it.</summary>
internal sealed class LoginModel(AdminGate gate, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (!gate.Enabled)
        {
            return NotFound();
        }

        return gate.HasValidCookie(HttpContext) ? LocalRedirect(SafeReturnUrl()) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Read from the form, not bound as a handler argument: MVC logs handler arguments at Trace level, which would put the token in the log.
        var token = (await Request.ReadFormAsync()).TryGetValue("token", out var values) ? values.FirstOrDefault() : null;
        switch (gate.CheckToken(HttpContext, token))
        {
            case AdminAccess.Disabled:
                return NotFound();
            case AdminAccess.Granted:
                gate.SignIn(HttpContext);
                logger.SignedIn(Client);
                return LocalRedirect(SafeReturnUrl());
            case AdminAccess.Throttled:
                Error = "失败次数过多，请一分钟后再试。";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                logger.SignInFailed(Client);
                Error = "令牌不正确。";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }

    public IActionResult OnPostLogout()
    {
        AdminGate.SignOut(HttpContext);
        return LocalRedirect("/");
    }

    private string Client => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private string SafeReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/admin";
}
