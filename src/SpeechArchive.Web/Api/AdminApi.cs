using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Security;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Api;

/// <summary>The admin API under <c>/api/admin</c> (token in <c>Authorization: Bearer</c> or <c>X-Admin-Token</c>): status, reindex, upload, statistics.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("admin").AddEndpointFilter<AdminEndpointFilter>();
        admin.MapGet("/status", Status).WithSummary("Reindex progress and the last run's report.");
        admin.MapGet("/statistics", Statistics).WithSummary("Counts that describe the current index.");
        admin.MapPost("/reindex", Reindex).WithSummary("Start a reindex in the background (rebuild=true starts from empty); 409 while one runs.");
        admin.MapPost("/upload", Upload)
            .WithSummary("Upload .md/.txt files or a .zip of them (multipart); reindex=true starts a reindex after (or queues one behind a running reindex).")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .DisableAntiforgery() // header-token authentication: no ambient credential for a cross-site form to ride on
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.RequestBytes));
        return app;
    }

    public static Ok<ReindexStatus> Status(ArchiveHost archive) => TypedResults.Ok(archive.Status);

    public static Ok<IndexStatistics> Statistics(ArchiveHost archive) => TypedResults.Ok(archive.Statistics);

    public static Results<Accepted<ReindexStatus>, Conflict<ProblemDetails>> Reindex(ArchiveHost archive, bool? rebuild)
    {
        if (!archive.TryStartReindex(rebuild ?? false))
        {
            return TypedResults.Conflict(Problems.Make(StatusCodes.Status409Conflict, "索引正在更新 (reindex running)", "已有一次索引更新在进行，请等它完成。"));
        }

        return TypedResults.Accepted("/api/admin/status", archive.Status);
    }

    public static async Task<Results<Ok<UploadReport>, BadRequest<ProblemDetails>, ProblemHttpResult>> Upload(HttpRequest request, ArchiveHost archive,
        UploadService uploads, bool? reindex, CancellationToken cancellation)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest(Problems.Make(400, "需要 multipart/form-data", "请以 multipart/form-data 上传文件。"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellation);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"请求体超过上限 {UploadLimits.RequestBytes / 1024 / 1024} MB。", statusCode: e.StatusCode, title: "上传过大 (payload too large)");
        }
        catch (InvalidDataException e)
        {
            return TypedResults.BadRequest(Problems.Make(400, "表单无效 (bad form)", e.Message));
        }

        if (form.Files.Count == 0)
        {
            return TypedResults.BadRequest(Problems.Make(400, "没有文件 (no files)", "请求中没有文件。"));
        }

        var outcomes = await uploads.StoreAsync(form.Files, cancellation);
        if (reindex != true || !outcomes.Any(o => o.Accepted))
        {
            return TypedResults.Ok(new UploadReport(outcomes, ReindexStarted: false));
        }

        var started = archive.StartOrQueueReindex();
        return TypedResults.Ok(new UploadReport(outcomes, started, ReindexQueued: !started));
    }
}
