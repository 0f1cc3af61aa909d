using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Security;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Api;

/// <summary>The admin API under <c>/api/admin</c> (token in <c>Authorization: Bearer</c> or <c>X-Admin-Token</c>): status, reindex, upload, the uploads and their deletion, statistics.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(AdminApiGate.Prefix).WithTags("admin").AddEndpointFilter<AdminEndpointFilter>().AnswerProblemsAsProblemJson().DocumentGate();
        admin.MapGet("/status", Status).WithName("AdminStatus")
            .WithSummary("索引状态：更新进度与上次更新的报告")
            .WithDescription("索引更新的进度（running、stage、done/total）、正在服务的索引版本、上次更新的报告（新增、更新、删除、失败的文件及原因，警告）。" +
                "管理页的登录 cookie 也可读取。");
        admin.MapGet("/statistics", Statistics).WithName("AdminStatistics")
            .WithSummary("索引统计")
            .WithDescription("描述当前索引的数字：讲话、段落、词项、段、文件大小，以及正在使用的词向量。");
        admin.MapPost("/reindex", Reindex).WithName("AdminReindex")
            .WithSummary("更新索引（在后台进行）")
            .WithDescription("返回 202 并在后台开始一次索引更新；rebuild=true 时从空索引完全重建。已有一次在进行时返回 409。");
        admin.MapPost("/upload", Upload).WithName("AdminUpload")
            .WithSummary("上传讲话文件")
            .WithDescription($"multipart/form-data 的 files 字段：.md、.txt 文件，或它们的 .zip；逐个文件返回接收（存为 uploads/<文件名>；已有同名文件时另存为 uploads/<名称(2)>，除非 replace=true；本次上传中同名的两个文件都保存，后一个另存）或拒绝及原因。" +
                $"reindex=true 时接着更新索引（正在更新时排在其后，reindexQueued）。每个文件上限 {UploadLimits.DocumentBytes / 1024 / 1024} MB（超过的文件逐个拒绝并说明原因），请求体上限 {UploadLimits.RequestBytes / 1024 / 1024} MB，超过时返回 413。")
            .Accepts<UploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery() // header-token authentication: no ambient credential for a cross-site form to ride on
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.RequestBytes));
        admin.MapGet("/uploads", Uploads).WithName("AdminUploads")
            .WithSummary("已上传的文件")
            .WithDescription("语料 uploads/ 目录中的 .md、.txt 文件，新的在前：name（删除时用的文件名）、path（在语料中的位置，即上传时的 storedAs）、" +
                "大小、修改时间，以及正在服务的索引由它得到的讲话（speechId、title；尚未索引时为 null）。管理页的登录 cookie 也可读取。");
        admin.MapDelete("/uploads/{name}", DeleteUpload).WithName("AdminDeleteUpload")
            .WithSummary("删除上传的文件（并在后台更新索引）")
            .WithDescription("从语料的 uploads/ 目录删除文件 name（上传列表中的 name），接着在后台更新索引（正在更新时排在其后，reindexQueued）：" +
                "更新完成前检索照常使用旧索引，完成后这篇讲话的段落不再出现。只能删除 uploads/ 中的 .md、.txt 文件：" +
                "路径（含 / 或 \\，编码的 %2F 也是）、. 与 ..、隐藏文件和其他类型返回 400；uploads/ 中没有的文件（包括语料中不是上传的文件）返回 404。")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                AdminApiGate.Describe(operation, StatusCodes.Status400BadRequest, "name 不是 uploads/ 中的文件名（路径、. 或 ..、隐藏文件、控制字符、不是 .md/.txt）；detail 说明原因，什么也没有删除。");
                AdminApiGate.Describe(operation, StatusCodes.Status404NotFound, "uploads/ 中没有这个文件（detail 说出文件名）；或管理功能未启用（没有配置 SpeechArchive:AdminToken）。");
                AdminApiGate.Describe(operation, StatusCodes.Status409Conflict, "文件在，但无法删除（文件夹只读、权限不足或磁盘错误）；detail 说明原因，不更新索引。");
                return Task.CompletedTask;
            });
        // Without a name (also what /uploads/x.md/.. and /uploads/. become: the server resolves dot segments before routing) a
        // DELETE would meet only the list's GET and get a bare 405; it is told to name the file, behind the same token check.
        // Not an operation of its own in the document: the delete above is the one to call.
        admin.MapDelete("/uploads", DeleteUnnamedUpload).WithName("AdminDeleteUploadUnnamed").ExcludeFromDescription();
        return app;
    }

    /// <summary>A DELETE of the uploads without a file's name: 400, saying to name the file, and nothing deleted.</summary>
    public static BadRequest<ProblemDetails> DeleteUnnamedUpload(HttpContext http) =>
        TypedResults.BadRequest(Problems.Make(StatusCodes.Status400BadRequest, "缺少文件名 (no file name)",
            "请给出要删除的文件名：DELETE /api/admin/uploads/{name}，name 见 GET /api/admin/uploads。" + Problems.DotSegments(http) +
            "(name the file to delete: DELETE /api/admin/uploads/{name})"));

    public static Ok<IReadOnlyList<UploadedFile>> Uploads(UploadService uploads) => TypedResults.Ok(uploads.List());

    public static Ok<ReindexStatus> Status(ArchiveHost archive) => TypedResults.Ok(archive.Status);

    public static Ok<IndexStatistics> Statistics(ArchiveHost archive) => TypedResults.Ok(archive.Statistics);

    /// <summary>The upload form as the OpenAPI document shows it (<see cref="Upload"/> reads the form itself, to answer its faults with reasons).</summary>
    public sealed record UploadForm([property: Description(".md、.txt 文件或它们的 .zip，可以多个。")] IFormFileCollection Files);

    public static Results<Accepted<ReindexStatus>, Conflict<ProblemDetails>> Reindex(ArchiveHost archive,
        [Description("true：从空索引完全重建；默认只处理变化的文件。")] bool? rebuild)
    {
        if (!archive.TryStartReindex(rebuild ?? false))
        {
            return TypedResults.Conflict(Problems.Make(StatusCodes.Status409Conflict, "索引正在更新 (reindex running)", "已有一次索引更新在进行，请等它完成。(a reindex is already running: wait for it to finish)"));
        }

        return TypedResults.Accepted("/api/admin/status", archive.Status);
    }

    public static async Task<Results<Ok<UploadReport>, BadRequest<ProblemDetails>, ProblemHttpResult>> Upload(HttpRequest request, ArchiveHost archive,
        UploadService uploads, [Description("true：上传后更新索引（正在更新时排在其后）。")] bool? reindex,
        [Description("true：与 uploads/ 中已有文件同名的文件替换它；不给时另存为“名称(2).md”，内容完全相同的不改动。")] bool? replace, CancellationToken cancellation)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest(Problems.Make(400, "需要 multipart/form-data (multipart/form-data required)", "请以 multipart/form-data 上传文件。(upload the files as multipart/form-data)"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellation);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(Problems.TooLarge(UploadLimits.RequestBytes));
        }
        catch (InvalidDataException e)
        {
            // The form reader's own words (Missing content-type boundary.) say what is wrong, in English: after the Chinese, as the gloss.
            return TypedResults.BadRequest(Problems.Make(400, "表单无效 (bad form)", $"无法读取上传的表单。(the form could not be read: {e.Message})"));
        }

        if (form.Files.Count == 0)
        {
            return TypedResults.BadRequest(Problems.Make(400, "没有文件 (no files)", "请求中没有文件。(the request holds no files)"));
        }

        var outcomes = await uploads.StoreAsync(form.Files, cancellation, replace == true);
        if (reindex != true || !outcomes.Any(o => o.Stored)) // the same bytes again: nothing new to index
        {
            return TypedResults.Ok(new UploadReport(outcomes, ReindexStarted: false));
        }

        var started = archive.StartOrQueueReindex();
        return TypedResults.Ok(new UploadReport(outcomes, started, ReindexQueued: !started));
    }

    /// <summary>Deletes one uploaded file and starts (or queues) the reindex that drops its passages; the old snapshot serves until then.</summary>
    public static Results<Ok<UploadDeletionReport>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>> DeleteUpload(
        [Description("上传列表中的文件名（name，如 讲话.md），不是路径。")] string name, ArchiveHost archive, UploadService uploads)
    {
        var deletion = uploads.Delete(name);
        switch (deletion.Outcome)
        {
            case UploadDeletionOutcome.Refused:
                return TypedResults.BadRequest(Problems.Make(StatusCodes.Status400BadRequest, "文件名无效 (bad file name)", deletion.Reason!));
            case UploadDeletionOutcome.Missing:
                return TypedResults.NotFound(Problems.NotFound($"uploads/ 中没有名为“{name}”的文件。(no uploaded file named '{name}')"));
            case UploadDeletionOutcome.Failed:
                return TypedResults.Conflict(Problems.Make(StatusCodes.Status409Conflict, "无法删除 (cannot delete)", $"无法删除 uploads/{name}：{deletion.Reason} (the file is there but could not be deleted)"));
            default:
                var started = archive.StartOrQueueReindex();
                return TypedResults.Ok(new UploadDeletionReport(deletion.Path!, started, ReindexQueued: !started));
        }
    }
}
