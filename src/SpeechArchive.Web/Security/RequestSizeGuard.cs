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
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    return; // pages: the status-code page explains
                }

                await context.Response.WriteAsJsonAsync(
                    Problems.Make(StatusCodes.Status413PayloadTooLarge, "上传过大 (payload too large)", $"请求体超过上限 {max / 1024 / 1024} MB。"),
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }
        }

        await next(context);
    });
}
