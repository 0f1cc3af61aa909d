using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Security;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Hosting;

/// <summary>Registers the archive, admin security, Razor Pages, JSON conventions and OpenAPI.</summary>
internal static class ArchiveServices
{
    /// <summary>
    /// The longest request line Kestrel takes: a query of <see cref="QueryParser.MaxLength"/> Chinese characters percent-encoded,
    /// with filters, and a pasted page of text well past it (5,000 characters, 45 KB), so that the search says 查询过长 and its
    /// limit instead of Kestrel's blank 414. Kestrel answers a longer line before the app sees it.
    /// </summary>
    public const int MaxRequestLineBytes = 128 * 1024;

    public static WebApplicationBuilder AddSpeechArchive(this WebApplicationBuilder builder)
    {
        // Serve wwwroot from the project in a build (not only in Development), so `dotnet run` from the repo root has its CSS.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // A query may be 1,000 characters (QueryParser.MaxLength); in Chinese that is about 9 KB percent-encoded in the URL,
        // past Kestrel's 8 KB request line, which answered a blank 414 from about 910 characters on.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = MaxRequestLineBytes);

        var services = builder.Services;
        services.Configure<ArchiveSettings>(builder.Configuration.GetSection(ArchiveSettings.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ArchiveHost>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AdminGate>();
        services.AddSingleton<UploadService>();
        services.AddArchiveKeys();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Problems.Complete(c.ProblemDetails, c.HttpContext));

        // Chinese is text, not markup: Razor writes it as it is (one to three bytes a character) instead of numeric
        // character references (eight to nine); <, >, &, quotes and the rest stay encoded as before.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        // HTML, JSON and CSV shrink five- to tenfold. Not over HTTPS (the default): a page that reflects the query beside
        // an antiforgery token would invite BREACH there; put a compressing proxy in front for HTTPS.
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            // What the pages and the API write. Not CSS or script: MapStaticAssets serves those precompressed (gzip, made at
            // build; see build/ReadyToRun.targets for why not Brotli).
            o.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/csv", "text/plain", "image/svg+xml"];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddArchiveOpenApi();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JsonDefaults.Options.Encoder;
            o.SerializerOptions.DefaultIgnoreCondition = JsonDefaults.Options.DefaultIgnoreCondition;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Api.ApiJsonContext.Default); // no reflection for the API's answers
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new AntiforgeryRefusal());
            o.Conventions.AddFolderApplicationModelConvention("/Admin", model =>
            {
                if (model.ViewEnginePath != "/Admin/Login")
                {
                    model.Filters.Add(new AdminPageFilter());
                }
            });
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sa_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }
}
