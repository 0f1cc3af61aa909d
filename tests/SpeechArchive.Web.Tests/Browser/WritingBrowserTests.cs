using SpeechArchive.Search;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SpeechArchive.Web.Tests.Browser;

/// <summary>The writers' tools in real Chromium: concordance, trend chart, draft check, near matches and related terms; screenshots under TestResults/screenshots.</summary>
public sealed class WritingBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly ArchiveFactory app = new(withSeeds: true);

    [SkippableFact]
    public async Task WhenListingAConcordance_ShouldAlignEveryHitInOneColumnAndSortByContext()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/concordance");
            await page.FillAsync("#q", "全面从严治党");
            await page.PressAsync("#q", "Enter");
            await page.WaitForSelectorAsync("table.kwic");

            var lefts = await page.Locator("table.kwic td.hit mark").EvaluateAllAsync<double[]>("ms => ms.map(m => Math.round(m.getBoundingClientRect().left))");
            Assert.True(lefts.Length > 20, $"{lefts.Length} rows");
            Assert.Single(lefts.Distinct());

            await page.ClickAsync("p.sort a:text('右语境')");
            await page.WaitForSelectorAsync("p.sort a.current:text('右语境')", new() { Timeout = 60_000 });
            Assert.Contains("sort=right", page.Url, StringComparison.Ordinal);
            var rights = await page.Locator("table.kwic td.right span").AllTextContentsAsync();
            var collation = System.Globalization.CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
            Assert.True(collation.Compare(rights[0], rights[^1]) <= 0);
            await ShotAsync(page, "concordance", fullPage: false);
        });
    }

    [SkippableFact]
    public async Task WhenOnAPhone_ShouldShowTheConcordanceWithoutSidewaysScrolling()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/concordance?q=" + Uri.EscapeDataString("全面从严治党"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the concordance scrolls sideways at 390px");
            await ShotAsync(page, "phone-concordance", fullPage: false);
        }, phone: true);
    }

    [SkippableFact]
    public async Task WhenChartingTwoPhrases_ShouldDrawTwoLinesWithALegend()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/trends");
            await page.FillAsync("#q0", "作风建设");
            await page.FillAsync("#q1", "全面从严治党");
            await page.ClickAsync("form.trend-form button");
            await page.WaitForSelectorAsync("#phrase-trend svg");

            Assert.Equal(2, await page.Locator("#phrase-trend svg g.series").CountAsync());
            Assert.Equal(["作风建设", "全面从严治党"], await page.Locator("#phrase-trend figcaption .legend").AllTextContentsAsync());
            var box = await page.Locator("#phrase-trend svg").BoundingBoxAsync();
            Assert.True(box!.Width > 300 && box.Height > 100, $"chart {box.Width}×{box.Height}");
            var stroke = await page.Locator("#phrase-trend svg g.series.s1 line").First.EvaluateAsync<string>("p => getComputedStyle(p).stroke");
            Assert.NotEqual("none", stroke);
            await ShotAsync(page, "trends");
        });
    }

    [SkippableFact]
    public async Task WhenCheckingADraft_ShouldShowEachSentencesPrecedentFirst()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/draft");
            await page.FillAsync("#text", "同志们：\n党风廉政建设没有完成时，全面从严治党一直在路上，严以自律是一项终身课题，我们必须长抓不懈，永葆共产党人的政治本色。"
                + "要严肃考核问责，加大考核力度，以刚性问责推进党内政治生活的制度化、规范化。");
            await page.ClickAsync("form.draft button");
            await page.WaitForSelectorAsync("li.draft-sentence");

            var firstPrecedents = await page.Locator("li.draft-sentence.has-runs li.precedent:first-child a").AllTextContentsAsync();
            Assert.Equal(["提高站位 直面问题 真抓实干 推动从严治党取得新成效", "在局党风廉政建设工作会议上的讲话"], firstPrecedents);
            Assert.True(await page.Locator("li.draft-sentence.has-runs .sentence mark").CountAsync() >= 2);
            await ShotAsync(page, "draft-check");
        });
    }

    [SkippableFact]
    public async Task WhenADraftReachesTheLimit_ShouldSaySoBesideTheBox()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/draft");
            await page.FillAsync("#text", "同志们：要严以自律。");
            var some = await page.TextContentAsync("#draft-count .used");
            var fullHiddenAtFirst = await page.Locator("#draft-count .full").IsHiddenAsync();
            await page.FillAsync("#text", new string('严', 12_000));

            Assert.Equal("10", some);
            Assert.True(fullHiddenAtFirst);
            Assert.Equal("10,000", await page.TextContentAsync("#draft-count .used"));
            Assert.True(await page.Locator("#draft-count .full").IsVisibleAsync());
            await ShotAsync(page, "draft-limit");
        });
    }

    [SkippableFact]
    public async Task WhenAQueryIsHalfRemembered_ShouldShowNearMatchesAndRelatedTermsToRefine()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/?q=" + Uri.EscapeDataString("以刚性问责推党内治生活的制度化"));
            var first = page.Locator("ol.hits li.hit").First;
            Assert.True(await first.GetAttributeAsync("data-match") == HitMatch.Aligned, await page.Locator("ol.hits").First.InnerTextAsync());
            Assert.Contains("以刚性问责推动党内政治生活的制度化", await first.Locator(".snippet mark").First.TextContentAsync() ?? "", StringComparison.Ordinal);
            Assert.True(await page.Locator(".understanding.reading .word-chip").CountAsync() >= 2, "the page shows the words it searched");
            await ShotAsync(page, "search-free-text");

            await page.GotoAsync("/?q=" + Uri.EscapeDataString("以刚性问责推党内治生活的制度化") + "&mode=exact");
            await page.WaitForSelectorAsync("h2.tier");
            Assert.Contains("以刚性问责推动党内政治生活的制度化", await page.Locator("ol.hits.near li.hit .snippet").First.TextContentAsync() ?? "", StringComparison.Ordinal);
            await ShotAsync(page, "search-near");

            await page.GotoAsync("/?q=" + Uri.EscapeDataString("作风建设"));
            await page.WaitForSelectorAsync("#related.loaded ul.related-terms a");
            Assert.True(await page.Locator("#related ul.near-meaning a.term").CountAsync() > 0, "words near in meaning beside the co-occurring ones");
            var term = await page.Locator("#related a.term").First.TextContentAsync();
            await page.Locator("#related a.term").First.ClickAsync();
            await page.WaitForSelectorAsync("li.hit");
            Assert.Equal("作风建设 " + term, await page.InputValueAsync("#q"));
            await ShotAsync(page, "search-related", fullPage: false);
        });
    }

    [SkippableFact]
    public async Task WhenTypingTheStartOfAFormulation_ShouldOfferCompletionsToChooseByKeyboard()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.Locator("#q").PressSequentiallyAsync("全面从严");
            await page.WaitForSelectorAsync("ul.completions [role=option]");

            Assert.Equal("true", await page.GetAttributeAsync("#q", "aria-expanded"));
            var options = await page.Locator("ul.completions [role=option]").AllAsync();
            Assert.True(options.Count >= 2, $"{options.Count} completions");
            Assert.Equal("全面从严治党", await options[0].Locator(".said").TextContentAsync());
            await ShotAsync(page, "search-completions", fullPage: false);

            await page.PressAsync("#q", "ArrowDown");
            await page.PressAsync("#q", "ArrowDown");
            Assert.Equal(await options[1].GetAttributeAsync("id"), await page.GetAttributeAsync("#q", "aria-activedescendant"));
            var second = await options[1].GetAttributeAsync("data-query");
            await page.PressAsync("#q", "Enter");
            await page.WaitForSelectorAsync("li.hit");
            Assert.Equal(second, await page.InputValueAsync("#q"));
            Assert.Contains("q=" + Uri.EscapeDataString(second!), page.Url, StringComparison.OrdinalIgnoreCase);

            await page.Locator("#q").FillAsync("");
            await page.Locator("#q").PressSequentiallyAsync("全面从严");
            await page.WaitForSelectorAsync("ul.completions [role=option]");
            await page.PressAsync("#q", "Escape");
            Assert.True(await page.Locator("ul.completions").IsHiddenAsync());
            Assert.Equal("false", await page.GetAttributeAsync("#q", "aria-expanded"));
            await page.PressAsync("#q", "ArrowDown"); // opens them again
            await page.WaitForSelectorAsync("ul.completions [role=option]");

            // Typing on with an option chosen: Enter searches what is typed, not the option chosen for the text before it.
            await page.PressAsync("#q", "ArrowDown");
            await page.Locator("#q").PressSequentiallyAsync("治");
            await page.PressAsync("#q", "Enter");
            await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal) && !url.Contains(Uri.EscapeDataString(second!), StringComparison.OrdinalIgnoreCase));
            Assert.Equal("全面从严治", await page.InputValueAsync("#q"));
        });
    }

    private Task WithPageAsync(Func<IPage, Task> scenario, bool phone = false) => browser.RunAsync(app.StartKestrel(), scenario, phone);

    private Task ShotAsync(IPage page, string name, bool fullPage = true) => BrowserFixture.ShotAsync(page, name, output, fullPage);

    public void Dispose() => app.Dispose();
}
