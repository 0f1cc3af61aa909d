using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>"More like this" for one passage: the most similar passages of other speeches, with the strings they share.</summary>
internal sealed class SimilarModel(ArchiveHost archive) : PageModel
{
    public SimilarResult Result { get; private set; } = null!;

    public IActionResult OnGet(string? p)
    {
        if (string.IsNullOrWhiteSpace(p) || SimilarPassages.Find(archive.Snapshot, p, 10) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
