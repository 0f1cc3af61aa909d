using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>"More like this" for one passage: the most similar passages of other speeches, with the strings they share.</summary>
internal sealed class SimilarModel(ArchiveHost archive) : PageModel
{
    /// <summary>The passages like the one asked for; null when none was asked for (the page then says how to ask).</summary>
    public SimilarResult? Result { get; private set; }

    public IActionResult OnGet(string? p)
    {
        if (string.IsNullOrWhiteSpace(p))
        {
            return Page();
        }

        if (SimilarPassages.Find(archive.Snapshot, p, 10) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
