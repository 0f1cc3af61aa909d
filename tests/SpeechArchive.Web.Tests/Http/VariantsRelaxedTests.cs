using SpeechArchive.Tests;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// The variants page that finds no wording as near as asked offers a looser similarity where that finds some: 打铁还需自身硬
/// had none at 0.6, while 打铁必须自身硬 (0.5) was what the writer meant and the search offered as a near match (a user trial).
/// </summary>
public sealed class VariantsRelaxedTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public VariantsRelaxedTests()
    {
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "2016-datie.md"), """
            ---
            title: 在全面从严治党工作会议上的讲话
            date: 2016-01-12
            ---
            同志们：打铁必须自身硬。全面从严治党，首先要从领导干部做起，打铁必须自身硬，才能带好队伍。
            """);
        client = app.CreateClient();
    }

    [Fact]
    public async Task WhenNoWordingIsAsNearAsAsked_ShouldOfferTheLooserSearchThatFindsSome()
    {
        var strict = await Html.GetAsync(client, "/variants?q=" + Api.Encode("打铁还需自身硬"));

        Assert.Empty(strict.QuerySelectorAll("li.variant"));
        Assert.Null(strict.QuerySelector("p.count a.concordance")); // the wording as typed is nowhere: no link to its 0 uses
        var link = strict.QuerySelector("p.no-results a.relaxed")?.GetAttribute("href");
        Assert.NotNull(link);
        var relaxed = await Html.GetAsync(client, link);
        Assert.Contains(relaxed.QuerySelectorAll("li.variant .wording"), w => w.TextContent == "打铁必须自身硬");
    }

    [Fact]
    public async Task WhenTheWordingAsTypedIsHeld_ShouldLinkToItsConcordance()
    {
        var page = await Html.GetAsync(client, "/variants?q=" + Api.Encode("打铁必须自身硬"));

        var link = page.QuerySelector("p.count a.concordance")?.GetAttribute("href");
        Assert.NotNull(link);
        var concordance = await Html.GetAsync(client, link);
        Assert.Equal(2, concordance.QuerySelectorAll("table.kwic tbody td.hit mark").Length);
    }

    [Fact]
    public async Task WhenNothingIsNearEvenLoosely_ShouldOfferNothing()
    {
        var page = await Html.GetAsync(client, "/variants?q=" + Api.Encode("量子通信卫星发射"));

        Assert.NotNull(page.QuerySelector("p.no-results"));
        Assert.Null(page.QuerySelector("p.no-results a.relaxed"));
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
