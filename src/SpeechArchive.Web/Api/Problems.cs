using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api;

/// <summary>The ProblemDetails bodies the API answers errors with, served as <c>application/problem+json</c> (RFC 9457).</summary>
internal static class Problems
{
    /// <summary>The media type of a problem details body (RFC 9457).</summary>
    public const string MediaType = "application/problem+json";

    public static ProblemDetails Make(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = TypeOf(status),
    };

    /// <summary>The reference a problem of <paramref name="status"/> names as its type: the status's section of RFC 9110.</summary>
    public static string TypeOf(int status) => "https://httpwg.org/specs/rfc9110.html#status." + status;

    public static ProblemDetails BadQuery(string detail) => Make(StatusCodes.Status400BadRequest, "请求有误 (bad request)", detail);

    /// <summary>The 413 of a request body over <paramref name="maxBytes"/>: one wording for the guard that answers before reading and the upload that finds out while reading.</summary>
    public static ProblemDetails TooLarge(long maxBytes) => Make(StatusCodes.Status413PayloadTooLarge, "上传过大 (payload too large)",
        $"请求体超过上限 {maxBytes / 1024 / 1024} MB。(the request body is over the {maxBytes / 1024 / 1024} MB limit)");

    public static ProblemDetails NotFound(string detail) => Make(StatusCodes.Status404NotFound, "未找到 (not found)", detail);

    /// <summary>
    /// Gives a problem the framework writes (an unknown API route, a method a route does not take, a body that is not JSON, an
    /// unhandled error) a <c>detail</c> that says what went wrong, as the API's own problems have.
    /// </summary>
    public static void Complete(ProblemDetails problem, HttpContext http)
    {
        var request = $"{http.Request.Method} {http.Request.Path}";
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Type = TypeOf(status); // the framework's point at tools.ietf.org: one reference for every problem

        // The framework's titles are English alone (Unsupported Media Type); the API's say it in Chinese first, as its own do.
        problem.Title = status switch
        {
            StatusCodes.Status400BadRequest when problem.Title is null or "Bad Request" => "请求有误 (bad request)",
            StatusCodes.Status404NotFound when problem.Title is null or "Not Found" => "未找到 (not found)",
            StatusCodes.Status405MethodNotAllowed when problem.Title is null or "Method Not Allowed" => "不接受这种请求方法 (method not allowed)",
            StatusCodes.Status415UnsupportedMediaType when problem.Title is null or "Unsupported Media Type" => "请求体类型不对 (unsupported media type)",
            StatusCodes.Status500InternalServerError when problem.Title is null or "An error occurred while processing your request." => "服务器内部错误 (internal error)",
            _ => problem.Title,
        };
        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => $"没有这个接口：{request}。{DotSegments(http)}(no such endpoint)",
            StatusCodes.Status405MethodNotAllowed => $"这个接口不接受这种请求方法：{request}。{DotSegments(http)}(method not allowed)",
            StatusCodes.Status400BadRequest => $"{request} 的请求体读不出来（应为 JSON，字段见 /api/docs）。(the request body could not be read)",
            StatusCodes.Status415UnsupportedMediaType => $"{request} 不接受 Content-Type 为“{http.Request.ContentType}”的请求体（接受的类型见 /api/docs）。(unsupported media type)",
            StatusCodes.Status500InternalServerError => "服务器内部错误，详情见日志。(internal error: see the log)",
            _ => problem.Title,
        };
    }

    /// <summary>
    /// A note, when the request's path as sent held <c>.</c> or <c>..</c> segments, that the server resolved them before routing
    /// (<c>/api/admin/uploads/x.md/..</c> reaches <c>/api/admin/uploads</c>): what was asked is not what was routed. Empty otherwise.
    /// </summary>
    public static string DotSegments(HttpContext http)
    {
        var sent = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget?.Split('?', 2)[0];
        var dotted = sent is not null && sent.Split('/').Any(s => s.Replace("%2E", ".", StringComparison.OrdinalIgnoreCase) is "." or "..");
        return dotted ? $"路径 {sent} 中的 . 与 .. 在路由之前已被解析，实际请求的是 {http.Request.Path}。" : "";
    }

    /// <summary><paramref name="problem"/> written as <see cref="MediaType"/> with its status.</summary>
    public static JsonHttpResult<ProblemDetails> Answer(ProblemDetails problem) =>
        TypedResults.Json(problem, statusCode: problem.Status, contentType: MediaType);

    /// <summary>
    /// Answers a query or parameter that cannot be understood (<see cref="QuerySyntaxException"/>, thrown by the engine or by
    /// the parameter readers) with 400 and the message as the detail, for every endpoint of the group; each endpoint's result
    /// type still names the 400 for the OpenAPI document.
    /// </summary>
    public static RouteGroupBuilder AnswerBadQueries(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        try
        {
            return await next(context);
        }
        catch (QuerySyntaxException e)
        {
            return Answer(BadQuery(e.Message));
        }
    });

    /// <summary>
    /// Serves every ProblemDetails a handler of the group answers with (<c>BadRequest&lt;ProblemDetails&gt;</c>,
    /// <c>NotFound&lt;ProblemDetails&gt;</c>, … inside its <c>Results&lt;…&gt;</c>) as <see cref="MediaType"/>, the same body
    /// with the same status: the typed results write <c>application/json</c>, and their types still describe the answers for
    /// the OpenAPI document (whose error answers <see cref="ApiDocumentation"/> lists as <see cref="MediaType"/>).
    /// </summary>
    public static RouteGroupBuilder AnswerProblemsAsProblemJson(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
        AsProblemJson(await next(context)));

    /// <summary>The result itself, or, when it answers a ProblemDetails as plain JSON, the same problem as <see cref="MediaType"/>.</summary>
    internal static object? AsProblemJson(object? result)
    {
        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        return inner is IValueHttpResult { Value: ProblemDetails problem } and IStatusCodeHttpResult { StatusCode: { } status }
            and not IContentTypeHttpResult { ContentType: MediaType }
            ? TypedResults.Json(problem, statusCode: status, contentType: MediaType)
            : result;
    }
}
