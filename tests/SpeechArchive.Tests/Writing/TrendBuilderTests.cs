using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class TrendBuilderTests
{
    [Fact]
    public void WhenPhrasesOccurInSomeYears_ShouldGiveOccurrencesPerTenThousandCharactersOfEachYear()
    {
        using var temp = new TempFolder();
        // 2019: 20 characters with 作风建设 twice; 2021: 40 characters (two speeches) with it once; 2020 has no speech.
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲", "作风建设关键在于作风建设常抓不懈久久为功"),
            ("b.md", "2021-03-01", "乙", "改革开放推动经济社会发展取得显著成效明显"),
            ("c.md", "2021-06-01", "丙", "坚持不懈加强作风建设各项工作稳步推进落实"));

        var trend = TrendBuilder.Phrases(index, new TrendRequest { Phrases = ["作风建设", "改革开放"] });

        Assert.Equal([2019, 2020, 2021], trend.Years);
        Assert.Equal([20L, 0L, 40L], trend.Characters);
        var zuofeng = trend.Series[0];
        Assert.Equal([2, 0, 1], zuofeng.Occurrences);
        Assert.Equal([1000.0, 0, 250.0], zuofeng.PerTenThousand);
        Assert.Equal([0, 0, 1], trend.Series[1].Occurrences);
        Assert.Equal(3, zuofeng.Total);
    }

    [Fact]
    public void WhenExportingCsv_ShouldWriteOneRowPerYear()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2019-03-01", "甲", "作风建设关键在于作风建设常抓不懈久久为功"));

        var csv = TrendBuilder.Csv(TrendBuilder.Phrases(index, new TrendRequest { Phrases = ["作风建设"] }));

        Assert.Equal("year,characters,作风建设,作风建设 per 10k\r\n2019,20,2,1000\r\n", csv);
    }

    [Fact]
    public void WhenAYearOfTheRangeHasNoText_ShouldLeaveItsRateBlankInTheCsv()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲", "作风建设关键在于作风建设常抓不懈久久为功"),
            ("b.md", "2021-03-01", "乙", "坚持不懈加强作风建设各项工作稳步推进落实"));

        var phrases = TrendBuilder.Csv(TrendBuilder.Phrases(index, new TrendRequest { Phrases = ["作风建设"] })).Split("\r\n");
        var themes = TrendBuilder.Csv(TrendBuilder.Themes(index)).Split("\r\n");

        Assert.Equal("2020,0,0,", phrases[2]); // no text in 2020: no rate, where 2021's is 500
        Assert.Equal("2021,20,1,500", phrases[3]);
        var year2020 = themes[2].Split(',');
        Assert.Equal(["2020", "0"], year2020[..2]);
        Assert.All(year2020[2..], share => Assert.Equal("", share));
    }

    [Fact]
    public void WhenComputingThemeShares_ShouldStayBetweenZeroAndOne()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-03-01", "甲", "坚决惩治腐败。\n\n推动经济发展。"),
            ("b.md", "2021-03-01", "乙", "推动经济发展。"));

        var themes = TrendBuilder.Themes(index);

        Assert.Equal([2019, 2020, 2021], themes.Years);
        Assert.Equal([2, 0, 1], themes.Passages);
        Assert.All(themes.Themes.SelectMany(t => t.Shares), s => Assert.InRange(s, 0, 1));
        Assert.Equal(index.Themes.Count, themes.Themes.Count);
    }

    [Fact]
    public void WhenNoPhraseIsGiven_ShouldRefuse()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2019-03-01", "甲", "作风建设。"));

        Assert.Throws<QuerySyntaxException>(() => TrendBuilder.Phrases(index, new TrendRequest { Phrases = [" "] }));
    }
}
