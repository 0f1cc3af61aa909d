using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Pages.Admin;

/// <summary>Administration: upload speeches, list and delete uploaded files, reindex with live progress, the last run's report, index statistics.</summary>
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
internal sealed class IndexModel(ArchiveHost archive, UploadService uploads) : PageModel
{
    public ArchiveHost Archive => archive;
    public ReindexStatus Status { get; private set; } = new();
    /// <summary>Counts of the index served; null while it is damaged.</summary>
    public IndexStatistics? Statistics { get; private set; }
    public IReadOnlyList<UploadOutcome>? Outcomes { get; private set; }
    /// <summary>The documents in <c>uploads/</c>, each with its 删除 form.</summary>
    public IReadOnlyList<UploadedFile> Uploaded { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>Whether <see cref="Message"/> reports a failure (shown as an error).</summary>
    public bool MessageIsError { get; private set; }

    /// <summary>
    /// The last run's warnings split in two: those about uploaded files (<c>uploads/…</c>), which the page shows open, and the
    /// others (a corpus's own files warn at every run: xi-2020's mended titles are 24), folded away. Each warning starts with
    /// its file's corpus key.
    /// </summary>
    public static (IReadOnlyList<string> Uploads, IReadOnlyList<string> Others) SplitWarnings(IReadOnlyList<string> warnings)
    {
        var prefix = UploadService.Folder + "/";
        return ([.. warnings.Where(w => w.StartsWith(prefix, StringComparison.Ordinal))], [.. warnings.Where(w => !w.StartsWith(prefix, StringComparison.Ordinal))]);
    }

    public void OnGet(string? msg, string? upload)
    {
        Message = msg switch
        {
            "started" => "索引更新已开始。",
            "busy" => "已有一次索引更新在进行，请等它完成。",
            "choose" => "请选择要上传的文件。",
            "toolarge" => $"上传过大：一次上传的文件合计不能超过 {UploadLimits.RequestBytes / 1024 / 1024} MB，没有保存任何文件。请分批上传。(the upload is over {UploadLimits.RequestBytes / 1024 / 1024} MB: nothing was stored)",
            _ => null,
        };
        MessageIsError = msg == "toolarge";
        Load();
        if (uploads.Report(upload) is { } report)
        {
            Outcomes = report.Outcomes;
            Message = report.MessageFor(Status);
            MessageIsError = report.Failed;
        }
    }

    public IActionResult OnPostReindex(bool rebuild) =>
        LocalRedirect("/admin?msg=" + (archive.TryStartReindex(rebuild) ? "started" : "busy"));

    /// <summary>Stores the files, then redirects to the page that lists each file's outcome: reloading it posts nothing again.</summary>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, bool reindex, bool replace, CancellationToken cancellation)
    {
        if (files.Count == 0)
        {
            return LocalRedirect("/admin?msg=choose#upload");
        }

        var outcomes = await uploads.StoreAsync(files, cancellation, replace);
        var accepted = outcomes.Count(o => o.Accepted);
        var unchanged = outcomes.Count(o => o.Unchanged);
        var message = $"接受 {accepted} 个文件{(unchanged > 0 ? $"（其中 {unchanged} 个与已有文件完全相同，未改动）" : "")}，拒绝 {outcomes.Count - accepted} 个。";
        string? indexed = null;
        if (reindex && accepted > 0 && !outcomes.Any(o => o.Stored))
        {
            message += "没有新内容，索引无需更新。";
        }
        else if (reindex && accepted > 0)
        {
            indexed = message + "索引已更新，接受的文件已可检索。";
            message += archive.StartOrQueueReindex() ? "索引更新已开始。" : "已有一次索引更新在进行，完成后将自动再更新一次。";
        }

        return LocalRedirect($"/admin?upload={uploads.Keep(new UploadSummary(outcomes, message, Indexed: indexed))}#upload");
    }

    /// <summary>
    /// Deletes one uploaded file (the name its row posts) and starts or queues the reindex that drops its passages, then
    /// redirects to the page that says what was removed; a name that is no upload's deletes nothing and says why.
    /// </summary>
    public IActionResult OnPostDelete(string? name)
    {
        var deletion = uploads.Delete(name);
        var summary = deletion.Outcome switch
        {
            UploadDeletionOutcome.Deleted => new UploadSummary([], $"已删除 {deletion.Path}。" + (archive.StartOrQueueReindex()
                ? "索引更新已开始：完成前检索仍使用旧索引，可能还会找到它的段落。"
                : "已有一次索引更新在进行，完成后将自动再更新一次，之后它的段落不再出现。"), Indexed: $"已删除 {deletion.Path}。索引已更新，它的段落不再出现在检索中。"),
            UploadDeletionOutcome.Missing => new UploadSummary([], $"uploads/ 中没有名为“{deletion.Name}”的文件，没有删除任何文件。", Failed: true),
            UploadDeletionOutcome.Failed => new UploadSummary([], $"无法删除 uploads/{deletion.Name}：{deletion.Reason}", Failed: true),
            _ => new UploadSummary([], $"没有删除：{deletion.Reason}", Failed: true),
        };
        return LocalRedirect($"/admin?upload={uploads.Keep(summary)}"); // at the top: the message, then the reindex it started
    }

    private void Load()
    {
        Status = archive.Status;
        Uploaded = uploads.List();
        Statistics = archive.Damaged is null ? archive.Statistics : null;
    }
}
