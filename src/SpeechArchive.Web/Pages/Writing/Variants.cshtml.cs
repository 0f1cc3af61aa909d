using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>The formulation-variants page: the wordings of a 提法 across the archive, grouped, with counts and first and last use.</summary>
internal sealed class VariantsModel(ArchiveHost archive) : WritingPageModel
{
    public string Q { get; private set; } = "";
    public VariantResult? Result { get; private set; }

    public void OnGet() => Run(p =>
    {
        Q = p.Q;
        if (Q.Length > 0)
        {
            Result = VariantFinder.Find(archive.Snapshot, new VariantRequest { Formulation = Q, Filters = p.Filters, MinSimilarity = p.Read(WritingParameters.MinSimilarity) });
        }
    });
}
