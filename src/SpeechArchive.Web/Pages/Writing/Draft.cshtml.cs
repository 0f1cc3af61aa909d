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

    /// <summary>The sentences <paramref name="cut"/> picks out, as the page names them (第 3、5–9 句), or null when none.</summary>
    public static string? Named(IEnumerable<DraftSentence> sentences, Func<DraftSentence, bool> cut)
    {
        var ranges = DraftChecker.Ranges(sentences.Where(cut).Select(s => s.Number));
        return ranges.Count == 0 ? null : "第 " + DraftChecker.RangeText(ranges, "、") + " 句";
    }

    /// <summary>The sentence, escaped, with its verbatim runs in &lt;mark&gt;.</summary>
    public string SentenceHtml(DraftSentence s) =>
        SnippetBuilder.Render(Result?.MarkdownText ?? Text ?? "", s.Start, s.End, s.Runs.Select(r => (r.Start, r.End)).ToList());
}
