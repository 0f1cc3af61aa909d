using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>The draft check: paste a draft, get each sentence's closest precedents and the runs it shares verbatim.</summary>
internal sealed class DraftModel(ArchiveHost archive) : WritingPageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public DraftCheckResult? Result { get; private set; }

    /// <summary>How much of a sentence a precedent must say in order, as the page writes it (30%).</summary>
    public static string MinSimilarityPercent { get; } = $"{Math.Round(new DraftCheckRequest { Text = "" }.MinSimilarity * 100):0}%";

    public void OnGet()
    {
    }

    public void OnPost()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            Fail("请粘贴草稿。");
            return;
        }

        Run(_ => Result = DraftChecker.Check(archive.Snapshot, new DraftCheckRequest { Text = Text }));
    }

    /// <summary>The sentence, escaped, with its verbatim runs in &lt;mark&gt;.</summary>
    public string SentenceHtml(DraftSentence s) =>
        SnippetBuilder.Render(Result?.MarkdownText ?? Text ?? "", s.Start, s.End, s.Runs.Select(r => (r.Start, r.End)).ToList());
}
