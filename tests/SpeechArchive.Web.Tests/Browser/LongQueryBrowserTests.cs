using Microsoft.Playwright;
using Xunit.Abstractions;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Browser;

/// <summary>
/// A pasted paragraph as the query, in Chromium with JavaScript off: the facets, the chips and the reading's words are buttons
/// of the one form that carries the query (<see cref="Http.LongQueryPageTests"/>), and each still does what its link did.
/// </summary>
public sealed class LongQueryBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly ArchiveFactory app = new(withSeeds: true);

    [SkippableFact]
    public async Task WithoutScript_APastedParagraphsFacetsChipsWordsAndWayBackShouldWork()
    {
        Skip.If(browser.Browser is null, browser.Unavailable);
        var address = app.StartKestrel();
        using var api = new HttpClient { BaseAddress = address };
        var q = await Http.LongQueryPageTests.PastedParagraphAsync(api);

        await browser.RunAsync(address, async page =>
        {
            await page.GotoAsync("/?q=" + Encode(q));
            var total = await TotalAsync(page);
            var year = await page.Locator(".facet-value[data-facet=year]").First.GetAttributeAsync("data-value");

            // A year: the filtered page, its address the whole state.
            await page.Locator($".facet-value[data-facet=year][data-value='{year}']").ClickAsync();
            await page.WaitForSelectorAsync(".facet-value.selected[data-facet=year]");
            var filtered = page.Url;
            Assert.EndsWith("&year=" + year, filtered, StringComparison.Ordinal);
            Assert.Equal(q, await page.InputValueAsync("#q"));
            Assert.InRange(await TotalAsync(page), 1, total);
            await BrowserFixture.ShotAsync(page, "long-query-year", output);

            // A result, and back to the filtered page it was opened from.
            await page.Locator("li.hit h3 a").First.ClickAsync();
            await page.WaitForSelectorAsync("p.back a");
            await page.Locator("p.back a").ClickAsync();
            await page.WaitForSelectorAsync("li.hit");
            Assert.Equal(filtered, page.Url);
            Assert.Equal(year, await page.Locator(".facet-value.selected[data-facet=year]").GetAttributeAsync("data-value"));

            // The year's chip takes it off again.
            await page.Locator(".chips .chip:not(.clear)").ClickAsync();
            await page.WaitForSelectorAsync(".chips", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
            Assert.Equal(total, await TotalAsync(page));
            Assert.Equal(q, await page.InputValueAsync("#q"));

            // A word's × takes it out of the query.
            var word = await page.Locator(".understanding.reading .word-chip:not(.formulation) b").First.TextContentAsync();
            await page.Locator(".understanding.reading .word-chip:not(.formulation) .remove-word").First.ClickAsync();
            await page.WaitForFunctionAsync("q => document.querySelector('#q').value !== q", q);
            var rest = await page.InputValueAsync("#q");
            Assert.True(rest.Length < q.Length, $"{word} taken out of the query");
            Assert.DoesNotContain(word, await page.Locator(".understanding.reading .word-chip b").AllTextContentsAsync());
        }, script: false);
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(await page.TextContentAsync(".summary .count strong") ?? "", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => app.Dispose();
}
