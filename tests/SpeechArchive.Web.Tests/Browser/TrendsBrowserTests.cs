using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SpeechArchive.Web.Tests.Browser;

/// <summary>
/// The trends page over an archive spanning 1921–2025, in Chromium at 1366×900 and 390×844: the theme table shows the
/// newest years in its box and keeps its theme column in view, and the chart's labels stay legible on a phone.
/// </summary>
public sealed class TrendsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string Trends = "/trends?q=作风建设";

    private readonly ArchiveFactory app = LongSpanArchive();

    [SkippableFact]
    public async Task WhenTheArchiveSpansACentury_ShouldShowTheNewestYearsInTheTableBoxWithoutScrolling()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync(Trends);

            var newest = SyntheticCorpus.LongSpan.Max();
            var fit = await page.EvaluateAsync<JsonElement>("""
                () => {
                    const wrap = document.querySelector('#theme-trend .heat-wrap'), box = wrap.getBoundingClientRect();
                    const years = [...wrap.querySelectorAll('thead th')].slice(2);
                    const newest = years.reduce((a, b) => +b.textContent > +a.textContent ? b : a), r = newest.getBoundingClientRect();
                    return { newest: +newest.textContent, inside: r.left >= box.left && r.right <= box.right, overflow: wrap.scrollWidth - wrap.clientWidth };
                }
                """);
            Assert.Equal(newest, fit.GetProperty("newest").GetInt32());
            Assert.True(fit.GetProperty("inside").GetBoolean(), $"the {newest} column lies outside the table's box");
            Assert.True(fit.GetProperty("overflow").GetDouble() <= 0, $"the default range overflows its box by {fit.GetProperty("overflow")} px");
            await AssertYearLabelsApartAsync(page);
            await ShotAsync(page, "trends-long-span-desktop");

            // Every year: wider than the box, newest first, and the theme column stays while the years scroll under it.
            await page.ClickAsync("#theme-trend .presets a:text-is('全部')");
            await page.WaitForSelectorAsync("#theme-trend .presets a.current:text-is('全部')");
            Assert.Equal(newest.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#theme-trend thead th").Nth(2).TextContentAsync());
            await AssertThemeColumnStaysAsync(page);
            await ShotAsync(page, "trends-all-years-scrolled", fullPage: false);
        });
    }

    [SkippableFact]
    public async Task WhenOnAPhone_ShouldDrawChartLabelsAtALegibleSizeAndKeepTheThemeColumn()
    {
        await WithPageAsync(async page =>
        {
            await page.GotoAsync(Trends);

            var labels = await AxisLabelsAsync(page);
            Assert.True(labels.Count >= 6, $"{labels.Count} axis labels");
            Assert.All(labels, l => Assert.True(l.Px >= 10, $"axis label {l.Text} drawn at {l.Px:0.#} px"));
            Assert.All(labels, l => Assert.True(l.Left >= 0 && l.Right <= 390, $"axis label {l.Text} at {l.Left:0}–{l.Right:0} px, off the screen"));
            await AssertYearLabelsApartAsync(page);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the page scrolls sideways at 390px");
            await ShotAsync(page, "trends-phone");

            await AssertThemeColumnStaysAsync(page);
            await ShotAsync(page, "trends-phone-table-scrolled", fullPage: false);
        }, phone: true);
    }

    /// <summary>The chart's visible axis labels with their size as drawn (font size times the SVG's scale) and their extent.</summary>
    private static async Task<List<(string Text, string Kind, double Px, double Left, double Right)>> AxisLabelsAsync(IPage page)
    {
        var labels = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('#phrase-trend svg text')]
                .filter(t => getComputedStyle(t).display !== 'none')
                .map(t => {
                    const m = t.getScreenCTM(), r = t.getBoundingClientRect();
                    return { text: t.textContent, kind: t.classList.contains('x') ? 'x' : 'y', px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), left: r.left, right: r.right };
                })
            """);
        return labels.EnumerateArray().Select(l => (l.GetProperty("text").GetString()!, l.GetProperty("kind").GetString()!, l.GetProperty("px").GetDouble(),
            l.GetProperty("left").GetDouble(), l.GetProperty("right").GetDouble())).ToList();
    }

    /// <summary>The year axis over 1921–2025: a few labels, in order, none touching the next.</summary>
    private static async Task AssertYearLabelsApartAsync(IPage page)
    {
        var years = (await AxisLabelsAsync(page)).Where(l => l.Kind == "x").OrderBy(l => l.Left).ToList();
        Assert.InRange(years.Count, 3, 10);
        Assert.Equal(years.Select(y => int.Parse(y.Text, System.Globalization.CultureInfo.InvariantCulture)).Order(), years.Select(y => int.Parse(y.Text, System.Globalization.CultureInfo.InvariantCulture)));
        for (var i = 1; i < years.Count; i++)
        {
            Assert.True(years[i - 1].Right + 2 <= years[i].Left, $"year labels {years[i - 1].Text} and {years[i].Text} touch");
        }
    }

    /// <summary>Scrolls the heat table to its far end and checks the first theme's cell is still at the box's left edge, on top.</summary>
    private static async Task AssertThemeColumnStaysAsync(IPage page)
    {
        await page.Locator("#theme-trend .heat-wrap").ScrollIntoViewIfNeededAsync();
        var stay = await page.EvaluateAsync<JsonElement>("""
            () => {
                const wrap = document.querySelector('#theme-trend .heat-wrap');
                wrap.scrollLeft = wrap.scrollWidth;
                const box = wrap.getBoundingClientRect(), th = wrap.querySelector('tbody th'), r = th.getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return { scrolled: wrap.scrollLeft, left: r.left - box.left, onTop: th === top || th.contains(top) };
            }
            """);
        Assert.True(stay.GetProperty("scrolled").GetDouble() > 100, $"the table scrolled only {stay.GetProperty("scrolled")} px");
        Assert.InRange(stay.GetProperty("left").GetDouble(), -1, 4);
        Assert.True(stay.GetProperty("onTop").GetBoolean(), "the theme cell is covered by the scrolled years");
    }

    private static ArchiveFactory LongSpanArchive()
    {
        var app = new ArchiveFactory();
        SyntheticCorpus.WriteYears(Path.Combine(app.CorpusDirectory, "years"), SyntheticCorpus.LongSpan);
        return app;
    }

    private Task WithPageAsync(Func<IPage, Task> scenario, bool phone = false) =>
        browser.RunAsync(app.StartKestrel(), scenario, phone, viewport: phone ? null : new ViewportSize { Width = 1366, Height = 900 });

    private Task ShotAsync(IPage page, string name, bool fullPage = true) => BrowserFixture.ShotAsync(page, name, output, fullPage);

    public void Dispose() => app.Dispose();
}
