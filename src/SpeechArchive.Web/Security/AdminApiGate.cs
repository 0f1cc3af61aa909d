using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Security;

/// <summary>
/// Guards <c>/api/admin</c>: a token header for everything; the login cookie too for reads (the admin page polls status).
/// Runs in front of routing, so no route, method or content-type check answers an anonymous caller first (an upload that is
/// not multipart got 415 before the token was looked at) and unknown admin paths do not reveal themselves.
/// </summary>
internal static class AdminApiGate
{
    public const string Prefix = "/api/admin";

    public static IApplicationBuilder UseAdminApiGate(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), admin => admin.Use(async (context, next) =>
        {
            var refusal = Check(context);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context);
                return;
            }

            await next(context);
        }));

    /// <summary>Null when the request may proceed, else the answer: 404 (administration off), 401, 403 or 429.</summary>
    public static IResult? Check(HttpContext http)
    {
        var gate = http.RequestServices.GetRequiredService<AdminGate>();
        switch (gate.CheckRequest(http, allowCookie: HttpMethods.IsGet(http.Request.Method)))
        {
            case AdminAccess.Granted:
                return null;
            case AdminAccess.Disabled:
                return Problems.Answer(Problems.NotFound("管理功能未启用：未配置 SpeechArchive:AdminToken。(administration is off)"));
            case AdminAccess.Throttled:
                http.Response.Headers.RetryAfter = ((int)LoginThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problem(StatusCodes.Status429TooManyRequests, "尝试次数过多 (too many attempts)", "失败次数过多，请一分钟后再试。(too many failed attempts: try again in a minute)");
            case AdminAccess.Missing:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problem(StatusCodes.Status401Unauthorized, "需要管理令牌 (token required)", "请用 Authorization: Bearer <token> 或 X-Admin-Token 头提供管理令牌。(give the admin token as Authorization: Bearer <token> or X-Admin-Token)");
            default:
                return Problem(StatusCodes.Status403Forbidden, "令牌无效 (invalid token)", "管理令牌不正确。(the admin token is wrong)");
        }
    }

    /// <summary>
    /// States in the OpenAPI document what the gate does for a group's operations: they take the token (either scheme) and may be
    /// refused as <see cref="Check"/> refuses.
    /// </summary>
    public static RouteGroupBuilder DocumentGate(this RouteGroupBuilder group) => group
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), [Problems.MediaType]))
        .AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentation.TokenScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentation.BearerScheme, context.Document)] = [] },
            ];
            Describe(operation, StatusCodes.Status401Unauthorized, "缺少管理令牌。", ("WWW-Authenticate", "值为 Bearer。", JsonSchemaType.String));
            Describe(operation, StatusCodes.Status403Forbidden, "管理令牌不正确。");
            Describe(operation, StatusCodes.Status429TooManyRequests, $"一分钟内失败 {LoginThrottle.MaxFailures} 次后，这一分钟余下的时间里一律拒绝。",
                ("Retry-After", "多少秒后再试。", JsonSchemaType.Integer));
            Describe(operation, StatusCodes.Status404NotFound, "管理功能未启用：没有配置 SpeechArchive:AdminToken。");
            return Task.CompletedTask;
        });

    /// <summary>Words the operation's answer <paramref name="status"/>, when it has one (and a header it carries).</summary>
    internal static void Describe(OpenApiOperation operation, int status, string description, (string Name, string Description, JsonSchemaType Type)? header = null)
    {
        if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not OpenApiResponse response)
        {
            return;
        }

        response.Description = description;
        if (header is var (name, meaning, type))
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = meaning, Schema = new OpenApiSchema { Type = type } };
        }
    }

    private static JsonHttpResult<Microsoft.AspNetCore.Mvc.ProblemDetails> Problem(int status, string title, string detail) =>
        Problems.Answer(Problems.Make(status, title, detail));
}
