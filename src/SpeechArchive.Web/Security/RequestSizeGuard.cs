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

            var page = !context.Request.Path.StartsWithSegments("/api");
            if (page && context.Request.ContentLength is null && HttpMethods.IsPost(context.Request.Method) && feature is { IsReadOnly: false }
                && !await WithinAsync(context, feature, max))
            {
                TooLarge(context);
                return;
            }

            if (context.Request.ContentLength > max)
            {
                if (page)
                {
                    // A form (the admin page's upload): back to a page that says why, as a GET. Answered 413, the status page was
                    // re-executed as a POST whose antiforgery check read the oversized body and failed: the browser showed an
                    // empty 400 (a user trial).
                    // The body is read and dropped first, up to a bound, so that a client still sending it gets the answer
                    // (closed early, the connection broke under it) — only for a signed-in administrator's form (the one
                    // form that uploads), so an anonymous client cannot make the server read 100 MB (DropRestAsync).
                    var drains = false;
                    if (context.Request.ContentLength <= DrainedAtMost && feature is { IsReadOnly: false } writable && IsAdmin(context))
                    {
                        writable.MaxRequestBodySize = context.Request.ContentLength;
                        drains = true;
                    }

                    await DropRestAsync(context, context.Request.Body, drains);
                    TooLarge(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;

                await context.Response.WriteAsJsonAsync(
                    Problems.TooLarge(max),
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }
        }

        await next(context);
    });

    /// <summary>Back to the page that says the upload was too large, as a GET.</summary>
    private static void TooLarge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = context.Request.Path.StartsWithSegments("/admin") ? "/admin?msg=toolarge#upload" : "/status/413";
    }

    /// <summary>
    /// For a form sent in chunks (no length given), whether its body is within <paramref name="max"/>: the body is read into
    /// a buffer (memory, then a temporary file) that the form reader reads again. Kestrel would otherwise meet the limit in
    /// the antiforgery check, which answered an empty 400. Past the limit the rest is read and dropped as for a form that
    /// names its length (a signed-in administrator's, up to <see cref="DrainedAtMost"/>), else the connection is closed.
    /// </summary>
    private static async Task<bool> WithinAsync(HttpContext context, IHttpMaxRequestBodySizeFeature feature, long max)
    {
        var drains = IsAdmin(context);
        feature.MaxRequestBodySize = drains ? DrainedAtMost : max;
        var unbuffered = context.Request.Body;
        context.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        var buffer = new byte[81920];
        var total = 0L;
        try
        {
            for (int read; total <= max && (read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0;)
            {
                total += read;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.Headers.Connection = "close"; // an anonymous client's, past the limit
            return false;
        }

        if (total <= max)
        {
            context.Request.Body.Position = 0;
            return true;
        }

        await DropRestAsync(context, unbuffered, drains);
        return false;
    }

    /// <summary>A signed-in administrator's request (the cookie checked, not merely present).</summary>
    private static bool IsAdmin(HttpContext context) => context.RequestServices.GetRequiredService<AdminGate>().HasValidCookie(context);

    /// <summary>
    /// The rest of an oversized form: read and dropped when <paramref name="drains"/> (so a browser still sending it gets the
    /// answer), as far as the body size limit lets it; else, and past that, the connection is closed unread.
    /// </summary>
    private static async Task DropRestAsync(HttpContext context, Stream body, bool drains)
    {
        if (!drains)
        {
            context.Response.Headers.Connection = "close";
            return;
        }

        try
        {
            await body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.Headers.Connection = "close"; // beyond what is drained
        }
    }
}
