using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class VariantFinderTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenAFormulationIsWordedDifferently_ShouldListTheVariantAfterTheExactWording()
    {
        var result = VariantFinder.Find(seeds.Snapshot, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        Assert.True(result.Variants[0].IsExact);
        Assert.Equal(CountInSpeeches("全面从严治党永远在路上"), result.Variants[0].Count);
        var variant = Assert.Single(result.Variants, v => v.Text == "全面从严治党一直在路上");
        Assert.Equal(1, variant.Count);
        Assert.False(variant.IsExact);
        Assert.InRange(variant.Similarity, 0.6, 0.99);
        Assert.Equal("2022", variant.FirstUsed);
        Assert.Contains("<mark>全面从严治党一直在路上</mark>", variant.Examples[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenVariantsAreUsedInDifferentYears_ShouldGiveFirstAndLastUseAndKeepAnEnumeratedContinuation()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2016-01-10", "甲", "全面从严治党永远在路上。要坚持不懈。"),
            ("b.md", "2018-02-10", "乙", "我们要认识到，全面从严治党永远在路上、只有进行时，不能松劲。"),
            ("c.md", "2020-03-10", "丙", "全面从严治党一直在路上，我们要坚持。"),
            ("d.md", "2023-04-10", "丁", "全面从严治党一直在路上，绝不能停。"),
            ("e.md", "2021-04-10", "戊", "经济社会发展取得新成就。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        Assert.Equal(["全面从严治党永远在路上", "全面从严治党一直在路上", "全面从严治党永远在路上、只有进行时"], result.Variants.Select(v => v.Text).ToList());
        var later = result.Variants[1];
        Assert.Equal((2, "2020-03-10", "2023-04-10"), (later.Count, later.FirstUsed, later.LastUsed));
        Assert.Equal(4, result.Occurrences);
    }

    [Fact]
    public void WhenTheHalvesAreReordered_ShouldMarkTheVariantReordered()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-01-10", "甲", "永远在路上的全面从严治党，需要我们持续用力。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        var variant = Assert.Single(result.Variants);
        Assert.True(variant.Reordered);
        Assert.Contains("全面从严治党", variant.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheFormulationIsTooShort_ShouldRefuseIt()
    {
        Assert.Throws<SpeechArchive.Search.QuerySyntaxException>(() => VariantFinder.Find(seeds.Snapshot, new VariantRequest { Formulation = "作风" }));
    }

    private int CountInSpeeches(string phrase) => seeds.Snapshot.Speeches.Sum(s =>
    {
        var n = 0;
        for (var at = s.Text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = s.Text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    });
}
