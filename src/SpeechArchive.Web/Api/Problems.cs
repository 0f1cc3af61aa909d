using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api;

/// <summary>The ProblemDetails bodies the API answers errors with.</summary>
internal static class Problems
{
    public static ProblemDetails Make(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = "https://httpwg.org/specs/rfc9110.html#status." + status,
    };

    public static ProblemDetails BadQuery(string detail) => Make(StatusCodes.Status400BadRequest, "查询无法解析 (bad query)", detail);

    public static ProblemDetails NotFound(string detail) => Make(StatusCodes.Status404NotFound, "未找到 (not found)", detail);

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
            return TypedResults.BadRequest(BadQuery(e.Message));
        }
    });
}
