using Microsoft.AspNetCore.Mvc;

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
}
