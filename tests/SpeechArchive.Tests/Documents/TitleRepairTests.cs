using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>
/// Rough metadata-table titles (xi-2020's MANIFEST.tsv) mended from their own words and the text's, and proper ones kept:
/// the cases are Fixtures/Documents/title-repair-cases.tsv.
/// </summary>
public sealed class TitleRepairTests
{
    public static TheoryData<string[]> Cases => Fixture.Rows("title-repair-cases.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenATableTitleIsRepaired_ShouldGiveTheExpectedTitleAndSpeaker(string[] row)
    {
        var repaired = TitleRepair.Repair(row[1], row[2]);

        if (row[3] == "=")
        {
            Assert.Null(repaired);
            return;
        }

        Assert.NotNull(repaired);
        Assert.Equal(row[3], repaired.Title);
        Assert.Equal(row.Length > 4 && row[4].Length > 0 ? row[4] : null, repaired.Speaker);
        Assert.InRange(repaired.Confidence, 0.05, 0.95);
        Assert.False(string.IsNullOrWhiteSpace(repaired.Rule));
    }

    [Fact]
    public void WhenADerivedTitleIsCut_ShouldEndAtAClauseMarkWithinTheLimit()
    {
        var repaired = TitleRepair.Repair("同志们：", "同志们：\n这次会议的主要任务是，分析当前形势，克服新冠肺炎疫情影响，凝心聚力打赢脱贫攻坚战，确保如期完成脱贫攻坚目标任务。");

        Assert.NotNull(repaired);
        Assert.Equal("这次会议的主要任务是，分析当前形势，克服新冠肺炎疫情影响，凝心聚力打赢脱贫攻坚战…", repaired.Title);
        Assert.True(repaired.Title.Length <= TitleRepair.MaxExcerptLength + 1);
        Assert.Equal(TitleRepair.ExcerptConfidence, repaired.Confidence);
    }
}
