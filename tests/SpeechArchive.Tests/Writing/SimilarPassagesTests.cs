using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class SimilarPassagesTests
{
    [Fact]
    public void WhenAnotherSpeechReusesAPassage_ShouldRankItFirstWithTheSharedStrings()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-01-10", "甲", "要严格落实中央八项规定精神，坚决纠治形式主义官僚主义，锲而不舍抓好作风建设。\n\n经济工作要稳中求进。"),
            ("b.md", "2020-01-10", "乙", "各级党组织要严格落实中央八项规定精神，坚决纠治形式主义官僚主义，持之以恒抓好作风建设。"),
            ("c.md", "2021-01-10", "丙", "要抓好作风建设，推动经济工作稳中求进。"),
            ("d.md", "2022-01-10", "丁", "加快发展现代产业体系，推动经济体系优化升级。"));
        var source = index.Speeches.Single(s => s.Title == "甲").Passages[0];

        var result = SimilarPassages.Find(index, index.Passages[source].Id)!;

        Assert.Equal("乙", result.Similar[0].Source.Title);
        Assert.Contains(result.Similar[0].SharedTerms, t => t.Contains("严格落实中央八项规定精神", StringComparison.Ordinal));
        Assert.Contains("抓好作风建设", result.Similar[0].SharedTerms);
        Assert.Contains("<mark>", result.Similar[0].Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Similar, s => s.Source.Title == "甲");
        Assert.True(result.Similar.Zip(result.Similar.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.InRange(result.Similar[0].Score, 0.5, 1);
    }

    [Fact]
    public void WhenThePassageIsUnknown_ShouldReturnNull()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2019-01-10", "甲", "要抓好作风建设。"));

        Assert.Null(SimilarPassages.Find(index, "nowhere:1"));
    }
}
