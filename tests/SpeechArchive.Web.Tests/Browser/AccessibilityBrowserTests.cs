using System.Text.Json;
using Xunit.Abstractions;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Browser;

/// <summary>
/// Lighthouse-style basics on every page, in Chromium: exactly one h1, every input labelled, and every text link at a
/// contrast of at least 4.5:1 against the background it is drawn on (WCAG AA for normal text).
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string Audit = """
        () => {
          const rgb = s => (s.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).map(Number);
          const alpha = s => { const m = s.match(/[\d.]+/g) || []; return m.length > 3 ? Number(m[3]) : 1; };
          const lum = c => { const v = c.map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
          const background = e => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor; if (alpha(b) > 0) { return b; } } return 'rgb(255, 255, 255)'; };
          const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
          const lowContrast = [...document.querySelectorAll('a')]
            .filter(a => a.textContent.trim().length > 0 && visible(a) && !a.closest('svg'))
            .map(a => { const [l1, l2] = [lum(rgb(getComputedStyle(a).color)), lum(rgb(background(a)))]; return { text: a.textContent.trim().slice(0, 20), ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) }; })
            .filter(x => x.ratio < 4.5)
            .map(x => x.text + ' ' + x.ratio.toFixed(2));
          const unlabelled = [...document.querySelectorAll('input, select, textarea')]
            .filter(i => !['hidden', 'submit', 'button', 'reset'].includes(i.type))
            .filter(i => !(i.labels && i.labels.length) && !i.getAttribute('aria-label') && !i.getAttribute('aria-labelledby'))
            .map(i => i.outerHTML.slice(0, 80));
          return { h1: document.querySelectorAll('h1').length, lowContrast, unlabelled };
        }
        """;

    private readonly ArchiveFactory app = new(withSeeds: true);

    [SkippableFact]
    public async Task EveryPage_ShouldHaveOneH1LabelledInputsAndReadableLinks()
    {
        Skip.If(browser.Browser is null, browser.Unavailable);
        var address = app.StartKestrel();
        using var api = new HttpClient { BaseAddress = address };
        var hit = (await SearchAsync(api, "q=" + Encode("作风建设"))).Hits[0];
        string[] pages =
        [
            "/", "/?q=" + Encode("作风建设 year:2018..2022"), "/?q=" + Encode("没有这样的词语组合呀"), $"/speeches/{Encode(hit.SpeechId)}?q={Encode("作风建设")}",
            "/concordance?q=" + Encode("作风建设"), "/variants?q=" + Encode("全面从严治党永远在路上"), "/similar?p=" + Encode(hit.PassageId),
            "/similar", "/draft", "/trends?q=" + Encode("作风建设"), "/related?q=" + Encode("作风建设"), "/help", "/api/docs",
            "/admin/login", "/speeches/no-such-speech",
        ];

        var failures = new List<string>();
        await browser.RunAsync(address, async page =>
        {
            foreach (var url in pages)
            {
                await page.GotoAsync(url);
                Check(url, await page.EvaluateAsync<JsonElement>(Audit), failures);
            }

            // The admin page, signed in.
            await page.GotoAsync("/admin/login");
            await page.FillAsync("input[name=token]", ArchiveFactory.Token);
            await page.ClickAsync("form.login button");
            await page.WaitForURLAsync("**/admin");
            Check("/admin", await page.EvaluateAsync<JsonElement>(Audit), failures);
        }, expected: e => e.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal)); // /speeches/no-such-speech

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        output.WriteLine($"{pages.Length + 1} pages audited");
    }

    [SkippableFact]
    public async Task WhenSearchingByKeyboard_ShouldReachTheFirstHitInAFewKeysAndHearNoImageHoldingLinks()
    {
        Skip.If(browser.Browser is null, browser.Unavailable);
        await browser.RunAsync(app.StartKestrel(), async page =>
        {
            await page.GotoAsync("/?q=" + Encode("作风建设"));
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("跳到检索结果", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");
            var presses = 0;
            while (presses < 10 && !await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('ol.hits li.hit')"))
            {
                await page.Keyboard.PressAsync("Tab");
                presses++;
            }

            Assert.True(presses < 10, "the first hit is ten Tab presses or more past the skip link");
            Assert.Equal("检索结果", await page.Locator("section.results h2").First.TextContentAsync());
            // The histogram's forty bars are buttons a mouse uses; the 年份 facet does the same by keyboard, so Tab skips them.
            Assert.True(await page.Locator("figure.histogram .year-bar").CountAsync() > 0, "the page draws a histogram of bars");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('figure.histogram .year-bar')].filter(a => a.tabIndex >= 0).length"));
            Assert.Equal("group", await page.GetAttributeAsync("figure.histogram .bars", "role"));
        });
    }

    private static void Check(string url, JsonElement audit, List<string> failures)
    {
        if (audit.GetProperty("h1").GetInt32() != 1)
        {
            failures.Add($"{url}: {audit.GetProperty("h1").GetInt32()} h1 elements");
        }

        failures.AddRange(audit.GetProperty("unlabelled").EnumerateArray().Select(i => $"{url}: unlabelled {i.GetString()}"));
        failures.AddRange(audit.GetProperty("lowContrast").EnumerateArray().Select(l => $"{url}: link contrast {l.GetString()}:1"));
    }

    public void Dispose() => app.Dispose();
}
