using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Pages.Admin;

/// <summary>Administration: upload speeches, reindex with live progress, the last run's report, index statistics.</summary>
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
internal sealed class IndexModel(ArchiveHost archive, UploadService uploads) : PageModel
{
    public ArchiveHost Archive => archive;
    public ReindexStatus Status { get; private set; } = new();
    /// <summary>Counts of the index served; null while it is damaged.</summary>
    public IndexStatistics? Statistics { get; private set; }
    public IReadOnlyList<UploadOutcome>? Outcomes { get; private set; }
    public string? Message { get; private set; }

    public void OnGet(string? msg, string? upload)
    {
        Message = msg switch
        {
            "started" => "索引更新已开始。",
            "busy" => "已有一次索引更新在进行，请等它完成。",
            "choose" => "请选择要上传的文件。",
            _ => null,
        };
        if (uploads.Report(upload) is { } report)
        {
            Outcomes = report.Outcomes;
            Message = report.Message;
        }

        Load();
    }

    public IActionResult OnPostReindex(bool rebuild) =>
        LocalRedirect("/admin?msg=" + (archive.TryStartReindex(rebuild) ? "started" : "busy"));

    /// <summary>Stores the files, then redirects to the page that lists each file's outcome: reloading it posts nothing again.</summary>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, bool reindex, CancellationToken cancellation)
    {
        if (files.Count == 0)
        {
            return LocalRedirect("/admin?msg=choose#upload");
        }

        var outcomes = await uploads.StoreAsync(files, cancellation);
        var accepted = outcomes.Count(o => o.Accepted);
        var message = $"接受 {accepted} 个文件，拒绝 {outcomes.Count - accepted} 个。";
        if (reindex && accepted > 0)
        {
            message += archive.StartOrQueueReindex() ? "索引更新已开始。" : "已有一次索引更新在进行，完成后将自动再更新一次。";
        }

        return LocalRedirect($"/admin?upload={uploads.Keep(new UploadSummary(outcomes, message))}#upload");
    }

    private void Load()
    {
        Status = archive.Status;
        Statistics = archive.Damaged is null ? archive.Statistics : null;
    }
}
