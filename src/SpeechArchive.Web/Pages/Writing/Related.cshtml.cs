using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>Related terms of a query, each a link that adds it to the search (the search page shows the same by script).</summary>
internal sealed class RelatedModel(ArchiveHost archive) : WritingPageModel
{
    public RelatedTermsResult? Result { get; private set; }

    public void OnGet() => Run(p =>
    {
        if (p.Q.Length > 0)
        {
            var searcher = archive.Searcher; // one generation for the terms and the reading
            Result = RelatedTerms.Find(searcher.Index, p.Q, p.Filters, 30, searcher);
        }
    });

    public string Refine(string term) => new SearchLinks(Filters).WithQuery((Filters.Q + " " + term).Trim());
}
