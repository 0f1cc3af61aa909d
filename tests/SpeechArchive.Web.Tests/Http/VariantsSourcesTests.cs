using System.Text.Json;
using SpeechArchive.Search;
using SpeechArchive.Tests;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// A variant's sources are passages, each listed once, while its count is of uses: a review found cpc_00083:148, which says
/// 从严治党 twice, listed twice among the wording's five earliest sources (four passages shown of five).
/// </summary>
public sealed class VariantsSourcesTests : IDisposable
{
    private const string Formulation = "减负松绑永远在路上";
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public VariantsSourcesTests()
    {
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "2016-jianfu.md"), """
            ---
            title: 在基层减负工作会议上的讲话
            date: 2016-01-12
            ---
            同志们：减负松绑永远在路上，我们要坚持下去。各级都要认识到减负松绑永远在路上，不能一阵风。
            """);
        for (var year = 2017; year <= 2021; year++)
        {
            File.WriteAllText(Path.Combine(app.CorpusDirectory, $"{year}-jianfu.md"), $"""
                ---
                title: 在{year}年基层减负推进会上的讲话
                date: {year}-03-10
                ---
                同志们：减负松绑永远在路上，绝不能松劲。
                """);
        }

        client = app.CreateClient();
    }

    [Fact]
    public async Task WhenAPassageUsesAWordingTwice_ShouldListItOnceAndSayUsesAndPassagesApart()
    {
        var page = await Html.GetAsync(client, "/variants?q=" + Api.Encode(Formulation));
        var api = JsonSerializer.Deserialize<VariantResult>(await client.GetStringAsync("/api/variants?q=" + Api.Encode(Formulation)), JsonDefaults.Options)!;

        var exact = page.QuerySelector("li.variant.exact")!;
        var sources = exact.QuerySelectorAll("ul.examples > li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(5, sources.Count);
        Assert.Equal(sources.Count, sources.Distinct().Count());
        Assert.Equal("7 处（6 段，6 篇）", exact.QuerySelector(".meta span")!.TextContent);
        Assert.Equal("出处（最早的 5 段，共 6 段）", exact.QuerySelector("summary")!.TextContent);
        Assert.Equal(2, exact.QuerySelectorAll("ul.examples > li")[0].QuerySelectorAll(".snippet mark").Length); // both uses of the first passage

        var variant = api.Variants.Single(v => v.IsExact);
        Assert.Equal((7, 6, 6), (variant.Count, variant.Passages, variant.Speeches));
        Assert.Equal(5, variant.Examples.Select(e => e.Source.PassageId).Distinct().Count());
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
