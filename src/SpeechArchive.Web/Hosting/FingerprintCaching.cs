using System.Text.RegularExpressions;

namespace SpeechArchive.Web.Hosting;

/// <summary>
/// A fingerprinted stylesheet or script (<c>/css/site.h7ylc72der.css</c>: the name carries a hash of the content) is
/// cached for good by every build. A Release build's static-assets manifest already says so; a Debug build's (plain
/// <c>dotnet run</c>, the README's quick start) says <c>no-cache</c>, so that an edited file shows at once, which a user of the
/// app has no use for. A developer who edits a file rebuilds, and the page then links it by its new fingerprint.
/// </summary>
internal static partial class FingerprintCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public static IApplicationBuilder UseImmutableFingerprints(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (Fingerprinted().IsMatch(context.Request.Path.Value ?? ""))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                {
                    context.Response.Headers.CacheControl = Immutable;
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    });

    /// <summary>A file under css/ or js/ whose name ends in a 10-character fingerprint before its extension.</summary>
    [GeneratedRegex(@"^/(css|js)/[^/]+\.[a-z0-9]{10}\.(css|js)$")]
    private static partial Regex Fingerprinted();
}
