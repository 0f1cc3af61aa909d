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
    public IndexStatistics Statistics { get; private set; } = null!;
    public IReadOnlyList<UploadOutcome>? Outcomes { get; private set; }
    public string? Message { get; private set; }

    public void OnGet(string? msg)
    {
        Message = msg switch
        {
            "started" => "索引更新已开始。",
            "busy" => "已有一次索引更新在进行，请等它完成。",
            _ => null,
        };
        Load();
    }

    public IActionResult OnPostReindex(bool rebuild) =>
        LocalRedirect("/admin?msg=" + (archive.TryStartReindex(rebuild) ? "started" : "busy"));

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, bool reindex, CancellationToken cancellation)
    {
        if (files.Count == 0)
        {
            Message = "请选择要上传的文件。";
        }
        else
        {
            Outcomes = await uploads.StoreAsync(files, cancellation);
            var accepted = Outcomes.Count(o => o.Accepted);
            Message = $"接受 {accepted} 个文件，拒绝 {Outcomes.Count - accepted} 个。";
            if (reindex && accepted > 0)
            {
                Message += archive.StartOrQueueReindex() ? "索引更新已开始。" : "已有一次索引更新在进行，完成后将自动再更新一次。";
            }
        }

        Load();
        return Page();
    }

    private void Load()
    {
        Status = archive.Status;
        Statistics = archive.Statistics;
    }
}
