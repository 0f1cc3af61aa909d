using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using SpeechArchive.Web.Presentation;

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

    /// <summary>The answer's title, with its English gloss as every other refusal's (请求有误 (bad request)).</summary>
    internal const string Title = "索引已损坏 (index damaged)";

    /// <summary>
    /// What is wrong and the way back, in Chinese with the English gloss at the end, as the other refusals say it. Not the
    /// exception's message, which names the index file's path on the server (a reason never carries one: see the uploads);
    /// the log has it. What SQLite said of the file (database disk image is malformed) is the administrator's clue, kept
    /// in the gloss without the path, should a quick check's words ever hold it.
    /// </summary>
    internal static string Detail(IndexDamagedException e)
    {
        var reason = e.Reason.Replace(e.Path, System.IO.Path.GetFileName(e.Path), StringComparison.Ordinal).ReplaceLineEndings("; ");
        return "索引文件已损坏，暂时无法检索。讲话原文（语料）没有受影响，索引可以从语料完全重建：管理员请在管理页点击“完全重建”，或在服务器上运行 index --rebuild。"
            + $"(the index file is damaged ({reason}); the corpus is untouched: rebuild the index from it: the full rebuild on /admin, or index --rebuild)";
    }

    private static async Task Answer(HttpContext context, IndexDamagedException e)
    {
        context.Response.Clear();
        context.Response.Headers.RetryAfter = "60";
        var detail = Detail(e);
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            await TypedResults.Problem(title: Title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }

        // Every piece of text is HTML-encoded; the gloss is marked lang="en" as Presentation/Bilingual marks it on the pages.
        var at = Bilingual.GlossStart(detail) ?? detail.Length;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>索引已损坏 · 讲话检索</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="prose status">
            <h1>索引已损坏，暂时无法检索 <span lang="en">(index damaged)</span></h1>
            <p>{{WebUtility.HtmlEncode(detail[..at])}}<a href="/admin">前往管理页</a></p>
            <p class="error" lang="en">{{WebUtility.HtmlEncode(detail[at..])}}</p>
            </main></body></html>
            """);
    }
}
