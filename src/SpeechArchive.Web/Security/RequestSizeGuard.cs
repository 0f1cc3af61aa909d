using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Security;

/// <summary>
/// Answers 413 before reading a body larger than the endpoint's <see cref="IRequestSizeLimitMetadata"/>, whatever the server
/// (Kestrel enforces the limit while reading; the test server does not), and applies the limit to the body feature.
/// </summary>
internal static class RequestSizeGuard
{
    /// <summary>The largest oversized form body read (and dropped) before a page answers that it was too large.</summary>
    private const long DrainedAtMost = 100L * 1024 * 1024;

    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is long max)
        {
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = max;
            }

            if (context.Request.ContentLength > max)
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    // A form (the admin page's upload): back to a page that says why, as a GET. Answered 413, the status page was
                    // re-executed as a POST whose antiforgery check read the oversized body and failed: the browser showed an
                    // empty 400 (a user trial).
                    // The body is read and dropped first, up to a bound, so that a client still sending it gets the answer
                    // (closed early, the connection broke under it) — only for a signed-in administrator's form (the one
                    // form that uploads), so an anonymous client cannot make the server read 100 MB; otherwise, and beyond
                    // the bound, the connection is closed unread.
                    if (context.Request.ContentLength <= DrainedAtMost && feature is { IsReadOnly: false }
                        && context.Request.Cookies.ContainsKey(AdminGate.CookieName))
                    {
                        feature.MaxRequestBodySize = context.Request.ContentLength;
                        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                    }
                    else
                    {
                        context.Response.Headers.Connection = "close";
                    }

                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    context.Response.Headers.Location = context.Request.Path.StartsWithSegments("/admin") ? "/admin?msg=toolarge#upload" : "/status/413";
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;

                await context.Response.WriteAsJsonAsync(
                    Problems.Make(StatusCodes.Status413PayloadTooLarge, "上传过大 (payload too large)", $"请求体超过上限 {max / 1024 / 1024} MB。"),
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }
        }

        await next(context);
    });
}
