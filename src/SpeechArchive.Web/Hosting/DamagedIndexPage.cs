using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SpeechArchive.Web.Hosting;

/// <summary>
/// While the index is damaged, every page and API call but administration answers 503 with what is wrong and the way back
/// (the admin's 完全重建), instead of a 500: the corpus is untouched and the index can always be rebuilt from it.
/// </summary>
internal static class DamagedIndexPage
{
    public static IApplicationBuilder UseDamagedIndexPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var archive = context.RequestServices.GetRequiredService<ArchiveHost>();
        if (archive.Damaged is { } known && !Exempt(context.Request.Path))
        {
            await Answer(context, known);
            return;
        }

        try
        {
            await next(context);
        }
        catch (IndexDamagedException e) when (!context.Response.HasStarted)
        {
            await Answer(context, e); // the load found the damage while this request waited for it
        }
    });

    /// <summary>Administration (to rebuild), its API, the status pages and static assets still work.</summary>
    private static bool Exempt(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api/admin") || path.StartsWithSegments("/css")
        || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.ico");

    private static async Task Answer(HttpContext context, IndexDamagedException e)
    {
        context.Response.Clear();
        context.Response.Headers.RetryAfter = "60";
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            await TypedResults.Problem(title: "索引已损坏", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>索引已损坏 · 讲话检索</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="prose status">
            <h1>索引已损坏，暂时无法检索</h1>
            <p>索引文件无法读取。讲话原文（语料）没有受影响，索引可以从语料完全重建：管理员请在<a href="/admin">管理页</a>点击“完全重建”，或在服务器上运行 <code>index --rebuild</code>。</p>
            <p class="error"><code>{{WebUtility.HtmlEncode(e.Message)}}</code></p>
            </main></body></html>
            """);
    }
}
