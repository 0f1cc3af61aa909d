using SpeechArchive.Web.Api;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>The formulation-variants page: the wordings of a 提法 across the archive, grouped, with counts and first and last use.</summary>
internal sealed class VariantsModel(ArchiveHost archive) : WritingPageModel
{
    public string Q { get; private set; } = "";
    public VariantResult? Result { get; private set; }

    /// <summary>
    /// Where no wording is as near as asked: how many a looser similarity (<see cref="Relaxed"/>) finds (打铁还需自身硬 has none at
    /// 0.6 and 打铁必须自身硬 at 0.5, which the search offers as a near match), offered as a link; null when it finds none too.
    /// </summary>
    public int? RelaxedVariants { get; private set; }

    /// <summary>The similarity a search that found nothing is offered again with (<see cref="VariantRequest.Relaxed"/>).</summary>
    public const double Relaxed = VariantRequest.Relaxed;

    /// <summary>This page's search again at <see cref="Relaxed"/> similarity, the filters kept.</summary>
    public string RelaxedLink => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/variants",
        Filters.FilterPairs().Prepend(new("q", Q)).Append(new("min", Relaxed.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public void OnGet() => Run(p =>
    {
        Q = p.Q;
        if (Q.Length > 0)
        {
            var request = new VariantRequest { Formulation = Q, Filters = p.Filters, MinSimilarity = p.Read(WritingParameters.MinSimilarity) };
            Result = VariantFinder.Find(archive.Snapshot, request);
            if (VariantFinder.RelaxedCount(archive.Snapshot, request, Result) is > 0 and var n)
            {
                RelaxedVariants = n;
            }
        }
    });
}
