using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A formulation the query's words search already as a thesaurus term, over the evaluation's archive (corpus/ + the shared
/// reports and xi-2020): it is what the query describes, no far second is read in its place, and a statement reads it as its
/// formulation too (one word's term among several words is not searched as the formulation is).
/// </summary>
[Collection(EvaluationArchiveCollection.Name)]
public sealed class SearchedFormulationTests(EvaluationArchive archive)
{
    [SkippableFact]
    public void WhenTheNearestFormulationIsSearchedAlreadyAsATerm_ShouldNotReadAnotherInItsPlace()
    {
        // 请不起律师 is a key whose term is 法律援助, the formulation its description 打官司请不起律师怎么办 names. Once left out as
        // searched before the nearest were chosen, nothing was read by the descriptions, and the words' pairs then read
        // 留置措施 (留置期间能请律师吗), whose passages on detention by the supervisory commissions were searched. A statement of
        // two words, it now reads 法律援助 itself.
        var searcher = archive.Searcher();

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "穷人请不起律师", Limit = 10, NearMatches = false }).Reading);

        Assert.Contains("法律援助", Assert.Single(reading.Words, w => w.Word == "请不起律师").Expansions);
        Assert.DoesNotContain("留置措施", reading.Formulations);
        Assert.NotEmpty(reading.Formulations);
        Assert.Equal("法律援助", reading.Formulations[0]);
    }

    [SkippableFact]
    public void WhenAStatementReachesAFormulationThroughOneOfItsWordsTerms_ShouldReadItAsItsFormulation()
    {
        // 在国外念完书的年轻人回来干事业: the key 在国外念书 lends 留学人员, beside 年轻人, 回来 and 事业, three of the four the
        // passages must hold; 留学人员's passages hold none of the others. Left out as searched, they were never found, and
        // the statement read 新型职业农民 and 待业青年 (through 年轻人) instead.
        var searcher = archive.Searcher();

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "在国外念完书的年轻人回来干事业", Limit = 10, NearMatches = false }).Reading);

        Assert.Contains("留学人员", Assert.Single(reading.Words, w => w.Word == "在国外念书").Expansions);
        Assert.NotEmpty(reading.Formulations);
        Assert.Equal("留学人员", reading.Formulations[0]);
    }
}
