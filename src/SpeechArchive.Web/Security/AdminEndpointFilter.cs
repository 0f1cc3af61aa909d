using Microsoft.AspNetCore.Http.HttpResults;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Security;

/// <summary>Guards <c>/api/admin</c>: a token header for everything; the login cookie too for reads (the admin page polls status).</summary>
internal sealed class AdminEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var gate = http.RequestServices.GetRequiredService<AdminGate>();
        var access = gate.CheckRequest(http, allowCookie: HttpMethods.IsGet(http.Request.Method));
        switch (access)
        {
            case AdminAccess.Granted:
                return await next(context);
            case AdminAccess.Disabled:
                return TypedResults.NotFound(Problems.NotFound("管理功能未启用：未配置 SpeechArchive:AdminToken。(administration is off)"));
            case AdminAccess.Throttled:
                http.Response.Headers.RetryAfter = ((int)LoginThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problem(StatusCodes.Status429TooManyRequests, "尝试次数过多 (too many attempts)", "失败次数过多，请一分钟后再试。");
            case AdminAccess.Missing:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problem(StatusCodes.Status401Unauthorized, "需要管理令牌 (token required)", "请用 Authorization: Bearer <token> 或 X-Admin-Token 头提供管理令牌。");
            default:
                return Problem(StatusCodes.Status403Forbidden, "令牌无效 (invalid token)", "管理令牌不正确。");
        }
    }

    private static JsonHttpResult<Microsoft.AspNetCore.Mvc.ProblemDetails> Problem(int status, string title, string detail) =>
        TypedResults.Json(Problems.Make(status, title, detail), statusCode: status, contentType: "application/problem+json");
}
