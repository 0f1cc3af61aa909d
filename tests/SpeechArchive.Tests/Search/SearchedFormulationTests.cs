using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A formulation the query's words search already as a thesaurus term, over the evaluation's archive (corpus/ + the shared
/// reports and xi-2020): it is what the query describes, and no far second is read in its place.
/// </summary>
[Collection(EvaluationArchiveCollection.Name)]
public sealed class SearchedFormulationTests(EvaluationArchive archive)
{
    [SkippableFact]
    public void WhenTheNearestFormulationIsSearchedAlreadyAsATerm_ShouldNotReadAnotherInItsPlace()
    {
        // 请不起律师 is a key whose term is 法律援助, the formulation its description 打官司请不起律师怎么办 names. Left out as
        // searched before the nearest were chosen, nothing was read by the descriptions, and the words' pairs then read
        // 留置措施 (留置期间能请律师吗), whose passages on detention by the supervisory commissions were searched.
        var searcher = archive.Searcher();

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "穷人请不起律师", Limit = 10, NearMatches = false }).Reading);

        Assert.Contains("法律援助", Assert.Single(reading.Words, w => w.Word == "请不起律师").Expansions);
        Assert.DoesNotContain("留置措施", reading.Formulations);
    }
}
