using SpeechArchive.Web.Api;
using SpeechArchive.Web.Security;

namespace SpeechArchive.Web.Hosting;

/// <summary>Opens the archive and wires the middleware and endpoints.</summary>
internal static class ArchivePipeline
{
    /// <summary>Loads the index (building it first when there is none) and warns when administration is off.</summary>
    public static WebApplication OpenArchive(this WebApplication app)
    {
        // The load runs beside the start of Kestrel and routing, on pool threads, in parts that wait for each other (the
        // sections beside the speeches, the postings on a second connection, the lexicon): with one pool thread per core
        // a part could wait for the pool to add a thread, which it does every half second.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount), completions);
        app.Services.GetRequiredService<ArchiveHost>().Open();
        if (!app.Services.GetRequiredService<AdminGate>().Enabled)
        {
            app.Logger.AdminOff();
        }

        return app;
    }

    public static WebApplication UseArchivePipeline(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        app.UseImmutableFingerprints();
        app.UseUtf8Query();
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/status/500");
            }

            pages.UseStatusCodePagesWithReExecute("/status/{0}");
        });
        app.UseDamagedIndexPage();
        app.UseAdminApiGate();
        app.UseRouting();
        app.UseRequestSizeGuard();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets(); // the link and script tag helpers point at the fingerprinted files, cached for good
        app.MapSearchApi();
        app.MapWritingApi();
        app.MapAdminApi();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Answers in JSON, errors as ProblemDetails; <c>/api/docs</c> is a page for people and errs as pages do.</summary>
    private static bool IsApi(HttpContext context) =>
        (context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/docs")) || context.Request.Path.StartsWithSegments("/openapi");
}
