using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The texts' own wording typed as free text, over the evaluation's archive (corpus/ + the shared reports and xi-2020): found
/// as typed in a few passages, it is no everyday description of something else, and no formulation is read from it. Read as
/// one, 不敢腐不能腐不想腐 was near a description of 解放思想 and brought 67 passages about it after its own 18.
/// </summary>
[Collection(EvaluationArchiveCollection.Name)]
public sealed class TextsOwnWordingTests(EvaluationArchive archive)
{
    [SkippableTheory]
    [InlineData("不敢腐不能腐不想腐")]
    [InlineData("以人民为中心的发展思想")]
    [InlineData("党的自我革命永远在路上")]
    public void WhenTheQueryIsFoundAsTyped_ShouldReadNoFormulationFromIt(string query)
    {
        var searcher = archive.Searcher();

        var result = searcher.Search(new SearchRequest { Query = query, Limit = 10, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.True(reading.AsWritten > 0, $"{query} is found as typed");
        Assert.Empty(reading.Formulations);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Formulation);
    }

    [SkippableTheory]
    [InlineData("以人民为中心的发展理念", "以人民为中心的发展")]
    [InlineData("全面从严治党永远在路途上", "全面从严治党永远在路")]
    public void WhenTheQueryIsTheTextsWordingWithAWordChanged_ShouldReadNoFormulationFromIt(string query, string held)
    {
        // 以人民为中心的发展理念 is in no text (they say …的发展思想), and read as a description its 中 and 发展 were near
        // 中部地区发展: 中部崛起 was read, and its passages searched.
        var searcher = archive.Searcher();
        Assert.True(searcher.Search(new SearchRequest { Query = $"\"{held}\"", Limit = 0, NearMatches = false }).Total > 0, $"{held} is held as typed");

        var result = searcher.Search(new SearchRequest { Query = query, Limit = 10, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(0, reading.AsWritten);
        Assert.Empty(reading.Formulations);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Formulation);
    }

    [SkippableTheory]
    [InlineData("以钉钉子精神抓好整改落实", "以钉钉子精神", "抓好整改落实")]
    [InlineData("以钉钉子精神抓好作风建设", "以钉钉子精神", "抓好作风建设")] // the second only in a heading (一、…锲而不舍抓好作风建设), once
    public void WhenTheQueryJoinsClausesOfTheTexts_ShouldReadNoFormulationFromIt(string query, string first, string second)
    {
        // Neither half is in a text beside the other, so the query is not found as typed; read as a description, its 精神 and 抓
        // were near 物质精神一起抓, and 两手抓's passages took 12 of the first 20 places (the user trials of the sixtieth and
        // sixty-first sessions).
        var searcher = archive.Searcher();
        foreach (var held in new[] { first, second })
        {
            Assert.True(searcher.Search(new SearchRequest { Query = $"\"{held}\"", Limit = 0, NearMatches = false }).Total >= 1, $"{held} is held as typed");
        }

        var result = searcher.Search(new SearchRequest { Query = query, Limit = 20, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(0, reading.AsWritten);
        Assert.Empty(reading.Formulations);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Formulation);
    }

    [SkippableFact]
    public void AnEverydayDescription_ShouldStillReadItsFormulation()
    {
        // 政府衙门修得比宾馆还气派 is in no text: it describes 楼堂馆所.
        var result = archive.Searcher().Search(new SearchRequest { Query = "政府衙门修得比宾馆还气派", Limit = 10, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(0, reading.AsWritten);
        Assert.Contains("楼堂馆所", reading.Formulations);
    }
}
