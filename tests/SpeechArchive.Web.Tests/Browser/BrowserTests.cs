using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Browser;

/// <summary>The UI in real Chromium against the app on Kestrel; each scenario saves screenshots under TestResults/screenshots.</summary>
public sealed class BrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly ArchiveFactory app = new();

    [SkippableFact]
    public async Task WhenTypingAQuery_ShouldShowHighlightedResults()
    {
        await WithPageAsync(async (page, _) =>
        {
            await page.GotoAsync("/");
            await page.FillAsync("#q", "作风建设");
            await page.PressAsync("#q", "Enter");
            await page.WaitForSelectorAsync("li.hit");

            var marks = await page.Locator("li.hit .snippet mark").AllTextContentsAsync();
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Equal("作风建设", m));
            Assert.Contains("q=", page.Url, StringComparison.Ordinal);
            await ShotAsync(page, "search-desktop");
        });
    }

    [SkippableFact]
    public async Task WhenClickingAThemeThenAYear_ShouldNarrowCountsAndResults()
    {
        await WithPageAsync(async (page, _) =>
        {
            await page.GotoAsync("/?q=" + Encode("要"));
            var total = await TotalAsync(page);

            await page.Locator(".facet-value[data-facet=theme]").First.ClickAsync();
            await page.WaitForSelectorAsync(".chips");
            var afterTheme = await TotalAsync(page);
            var year = await page.Locator(".facet-value[data-facet=year]").First.GetAttributeAsync("data-value");
            await page.Locator($".facet-value[data-facet=year][data-value='{year}']").ClickAsync();
            await page.WaitForSelectorAsync(".facet-value.selected[data-facet=year]");
            var afterYear = await TotalAsync(page);

            Assert.InRange(afterTheme, 1, total);
            Assert.InRange(afterYear, 1, afterTheme);
            Assert.Equal(2, await page.Locator(".chips .chip:not(.clear)").CountAsync());
            Assert.All(await page.Locator("li.hit .meta .date").AllTextContentsAsync(), d => Assert.Contains(year!, d, StringComparison.Ordinal));
            await ShotAsync(page, "facets-theme-year");
        });
    }

    [SkippableFact]
    public async Task WhenSteppingThroughHitsInTheReader_ShouldMoveTheCurrentMark()
    {
        await WithPageAsync(async (page, api) =>
        {
            var hit = (await SearchAsync(api, "q=" + Encode("警示教育"))).Hits[0];
            await page.GotoAsync($"/speeches/{Encode(hit.SpeechId)}?q={Encode("警示教育")}");
            var count = await page.Locator(".text mark").CountAsync();
            Assert.True(count >= 3, $"expected several hits, got {count}");

            await page.ClickAsync(".hit-next");
            await page.ClickAsync(".hit-next");
            Assert.Equal("2", await page.TextContentAsync(".hit-pos"));
            Assert.Equal(1, await page.Locator("mark.current").CountAsync());
            var second = await page.Locator(".text mark").Nth(1).GetAttributeAsync("class");
            await page.ClickAsync(".hit-prev");

            Assert.Equal("current", second);
            Assert.Equal("1", await page.TextContentAsync(".hit-pos"));
            Assert.Contains("current", await page.Locator(".text mark").First.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
            await ShotAsync(page, "reader-hits");
        });
    }

    [SkippableFact]
    public async Task WhenPressingPBeforeAnyHitIsCurrent_ShouldGoToTheLastHit()
    {
        await WithPageAsync(async (page, api) =>
        {
            var hit = (await SearchAsync(api, "q=" + Encode("警示教育"))).Hits[0];
            await page.GotoAsync($"/speeches/{Encode(hit.SpeechId)}?q={Encode("警示教育")}");
            var count = await page.Locator(".text mark").CountAsync();
            Assert.True(count >= 3, $"expected several hits, got {count}");

            await page.Locator("body").PressAsync("p");

            Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync(".hit-pos"));
            Assert.Contains("current", await page.Locator(".text mark").Last.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task WhenArrivingAtAHitFromTheResults_ShouldCountItAndOfferReadableToolsBigEnoughToTap()
    {
        await WithPageAsync(async (page, api) =>
        {
            var result = await SearchAsync(api, "q=" + Encode("警示教育") + "&limit=20");
            var hit = result.Hits.Skip(1).FirstOrDefault(h => h.SpeechId == result.Hits[0].SpeechId) ?? result.Hits[0];
            var ordinal = (await SpeechAsync(api, hit.SpeechId)).Passages.Single(p => p.Id == hit.PassageId).Ordinal;

            await page.GotoAsync($"/speeches/{Encode(hit.SpeechId)}?q={Encode("警示教育")}#p-{ordinal + 1}");
            var position = await page.TextContentAsync(".hit-pos");
            var tools = await page.EvaluateAsync<double[]>("""
                () => {
                  const a = document.querySelector('.passage .tools a');
                  const rgb = s => s.match(/\d+/g).slice(0, 3).map(Number);
                  const lum = c => { const v = c.map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
                  let bg = 'rgb(255, 255, 255)';
                  for (let e = a; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor; if (b && b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') { bg = b; break; } }
                  const [l1, l2] = [lum(rgb(getComputedStyle(a).color)), lum(rgb(bg))];
                  return [(Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05), a.getBoundingClientRect().height];
                }
                """);

            Assert.NotEqual("–", position);
            Assert.True(int.Parse(position!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal(1, await page.Locator(".text mark.current").CountAsync());
            Assert.True(tools[0] >= 4.5, $"contrast {tools[0]:F2}:1");
            Assert.True(tools[1] >= 44, $"tap target {tools[1]} px high");
            await ShotAsync(page, "reader-arrived-at-hit");
        });
    }

    [SkippableFact]
    public async Task WhenCopyingACitation_ShouldPutTheQuotedPassageItsSourceAndALinkOnTheClipboard()
    {
        await WithPageAsync(async (page, api) =>
        {
            var hit = (await SearchAsync(api, "q=" + Encode("警示教育"))).Hits[0];
            var speech = await SpeechAsync(api, hit.SpeechId);
            var passage = speech.Passages.Last(p => p.Section.Length > 0);
            await page.GotoAsync($"/speeches/{Encode(hit.SpeechId)}");
            var button = page.Locator($"#p-{passage.Ordinal + 1} .tools button.cite");

            await button.ClickAsync();
            await page.WaitForSelectorAsync($"#p-{passage.Ordinal + 1} .tools.copied");
            var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

            var lines = copied.Split('\n');
            Assert.Equal(3, lines.Length);
            Assert.Equal("“" + passage.Text.Trim() + "”", lines[0]);
            Assert.StartsWith("——《" + speech.Title + "》", lines[1], StringComparison.Ordinal);
            Assert.Contains("，" + passage.Section + "，", lines[1], StringComparison.Ordinal);
            Assert.EndsWith($"，第{passage.Ordinal + 1}段", lines[1], StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", lines[1]);
            Assert.EndsWith($"/speeches/{Encode(hit.SpeechId)}#p-{passage.Ordinal + 1}", lines[2], StringComparison.Ordinal);
            Assert.True(await page.Locator($"#p-{passage.Ordinal + 1} .cite-text").IsVisibleAsync());
            await ShotAsync(page, "reader-citation");

            await page.GotoAsync(lines[2]);
            Assert.True(await page.Locator($"#p-{passage.Ordinal + 1}").IsVisibleAsync());
            await page.Locator($"#p-{passage.Ordinal + 1} .tools a.similar").ClickAsync();

            // The similar page as it shows, for this passage: its URL and the quoted source, each polled by Playwright until
            // it is there. Not page.WaitForURLAsync, which waits for the page's load event as the .NET client hears of it: its
            // URL, then its load state, each checked before it starts listening for the next one, so an event arriving in
            // between is never seen and the wait runs out its 30 s (the similar page commits and loads within milliseconds).
            var similar = Encode(hit.SpeechId + ":" + (passage.Ordinal + 1));
            await Expect(page).ToHaveURLAsync(new Regex("/similar\\?p=" + Regex.Escape(similar) + "$"));
            await Expect(page.Locator("blockquote.source-passage > p")).ToHaveTextAsync(passage.Text.Trim());
            await Expect(page.Locator("blockquote.source-passage footer a")).ToHaveAttributeAsync("href", $"/speeches/{Encode(hit.SpeechId)}#p-{passage.Ordinal + 1}");
            await ShotAsync(page, "reader-citation-similar");
        }, clipboard: true);
    }

    [SkippableFact]
    public async Task WhenOnAPhone_ShouldShowTheFirstHitOnTheFirstScreenAndTheRelatedTermsAfterTheHits()
    {
        await WithPageAsync(async (page, _) =>
        {
            await page.GotoAsync("/?q=" + Encode("作风建设"));
            await page.WaitForSelectorAsync("#related ul.related-terms li");

            var firstHit = await page.Locator("li.hit").First.BoundingBoxAsync();
            var related = await page.Locator("#related").BoundingBoxAsync();
            Assert.NotNull(firstHit);
            Assert.NotNull(related);
            Assert.True(firstHit.Y + 120 <= 844, $"the first hit starts at y={firstHit.Y:F0} on an 844 px screen");
            Assert.True(related.Y > firstHit.Y, $"related terms at y={related.Y:F0} come before the first hit at y={firstHit.Y:F0}");
            Assert.False(await page.Locator(".histogram").IsVisibleAsync(), "the year histogram's bars are too thin to tap on a phone");
            Assert.True(await FitsAsync(page), "the search page scrolls sideways at 390px");
            await ShotAsync(page, "phone-first-hit");
        }, phone: true);
    }

    [SkippableFact]
    public async Task WhenTextHoldsChineseQuotationMarks_ShouldSetThemFullWidthInBothFonts()
    {
        await WithPageAsync(async (page, api) =>
        {
            var hit = (await SearchAsync(api, "q=" + Encode("警示教育"))).Hits[0];
            foreach (var (url, selector) in new[] { ("/help", "main"), ($"/speeches/{Encode(hit.SpeechId)}", ".text") })
            {
                await page.GotoAsync(url);
                await page.EvaluateAsync("() => document.fonts.ready");
                var widths = await page.EvaluateAsync<double[]>("""
                    selector => {
                      const host = document.createElement('p');
                      document.querySelector(selector).appendChild(host);
                      const width = t => { host.textContent = t; const r = document.createRange(); r.selectNodeContents(host); return r.getBoundingClientRect().width; };
                      const em = width('中中') / 2;
                      return ['“', '”', '‘', '’'].map(q => (width('中' + q + '中') - 2 * em) / em);
                    }
                    """, selector);
                Assert.All(widths, w => Assert.True(w >= 0.9, $"{url}: a quotation mark {w:F2} em wide ({string.Join(", ", widths.Select(x => x.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})"));
            }
        });
    }

    [SkippableFact]
    public async Task WhenOnAPhone_ShouldNotScrollSidewaysAndKeepFacetsReachable()
    {
        await WithPageAsync(async (page, api) =>
        {
            var hit = (await SearchAsync(api, "q=" + Encode("警示教育"))).Hits[0];
            await page.GotoAsync("/?q=" + Encode("作风建设"));
            Assert.True(await FitsAsync(page), "the search page scrolls sideways at 390px");
            Assert.False(await page.Locator("details.facets").GetAttributeAsync("open") is not null, "facets should start folded on a phone");
            await ShotAsync(page, "phone-search");

            await page.ClickAsync("details.facets > summary");
            var theme = page.Locator(".facet-value[data-facet=theme]").First;
            Assert.True(await theme.IsVisibleAsync());
            await ShotAsync(page, "phone-facets");
            await theme.ClickAsync();
            await page.WaitForSelectorAsync(".chips");
            Assert.True(await FitsAsync(page), "the filtered page scrolls sideways at 390px");

            await page.GotoAsync($"/speeches/{Encode(hit.SpeechId)}?q={Encode("警示教育")}");
            Assert.True(await FitsAsync(page), "the reader scrolls sideways at 390px");
            await ShotAsync(page, "phone-reader");
        }, phone: true);
    }

    [SkippableFact]
    public async Task WhenReadingTheApiDocs_ShouldShowEveryOperationUnderTheStrictCspOnADesktopOrAPhone()
    {
        using var second = new ArchiveFactory(); // a factory serves on Kestrel once
        foreach (var phone in new[] { false, true })
        {
            await WithPageAsync(async (page, api) =>
            {
                using var doc = await OpenApiDocument.GetAsync(api);
                await page.GotoAsync("/api/docs");

                Assert.Equal(doc.Operations.Count, await page.Locator("section.api-op").CountAsync());
                await page.ClickAsync("main nav a[href='#op-AdminUpload']");
                Assert.EndsWith("#op-AdminUpload", page.Url, StringComparison.Ordinal);
                Assert.True(await page.Locator("#op-AdminUpload h3").IsVisibleAsync());
                Assert.True(await FitsAsync(page), $"the API docs scroll sideways at {(phone ? "390" : "1280")}px");
                await ShotAsync(page, phone ? "api-docs-phone" : "api-docs");
            }, phone: phone, server: phone ? second : null);
        }
    }

    [SkippableFact]
    public async Task WhenAReindexHasDoneNothingYet_ShouldShowItsStageWithoutACountOfZero()
    {
        using var parsing = new SpeechArchive.Tests.StageGate("commit", armed: false); // "写入索引 0/1" was shown here
        using var held = new ArchiveFactory(syntheticSpeeches: 20, indexObserver: parsing);
        await WithPageAsync(async (page, api) =>
        {
            await SearchAsync(api, "limit=0"); // the first index is built, past the gate
            parsing.Arm();
            await page.GotoAsync("/admin");
            await page.FillAsync("#token", ArchiveFactory.Token);
            await page.ClickAsync("form.login button");
            await page.WaitForSelectorAsync("#statistics");

            await page.ClickAsync("#reindex form:nth-of-type(2) button");
            Assert.True(parsing.WaitReached(), "the reindex never reached its commit stage");
            await page.WaitForSelectorAsync("#reindex[data-running=true]");
            await page.WaitForTimeoutAsync(1600); // two polls of /api/admin/status while the run is held with nothing done

            var shown = await page.TextContentAsync("#reindex .progress-text");
            var barHidden = await page.Locator("#reindex progress").IsHiddenAsync();
            var stage = await page.TextContentAsync("#reindex .stage");
            parsing.Release();
            await page.WaitForSelectorAsync("#reindex[data-running=false]", new() { Timeout = 60_000 });

            Assert.Equal("", shown?.Trim());
            Assert.True(barHidden, "a progress bar at zero");
            Assert.StartsWith("正在更新", stage, StringComparison.Ordinal);
        }, server: held);
    }

    [SkippableFact]
    public async Task WhenAnAdminReindexes_ShouldShowProgressThenTheReport()
    {
        using var big = new ArchiveFactory(syntheticSpeeches: 400);
        await WithPageAsync(async (page, _) =>
        {
            await page.GotoAsync("/admin");
            await page.FillAsync("#token", ArchiveFactory.Token);
            await page.ClickAsync("form.login button");
            await page.WaitForSelectorAsync("#statistics");

            await page.ClickAsync("#reindex form:nth-of-type(2) button");
            await ShotAsync(page, "admin-progress");
            await page.WaitForSelectorAsync("#reindex[data-running=false]", new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => !document.querySelector('#report').textContent.includes('还没有运行过')", null, new() { Timeout = 60_000 });

            Assert.Contains("新增", await page.TextContentAsync("#report"), StringComparison.Ordinal);
            await ShotAsync(page, "admin");
        }, server: big);
    }

    [SkippableFact]
    public async Task WhenAnAdminDeletesAnUpload_ShouldAskToConfirmThenSayWhatWasRemoved()
    {
        await WithPageAsync(async (page, api) =>
        {
            api.DefaultRequestHeaders.Add("X-Admin-Token", ArchiveFactory.Token);
            using (var upload = Admin.Files(("错传的讲话.md", Admin.Utf8(Admin.Speech("浏览器删除")))))
            {
                await Admin.JsonAsync(await api.PostAsync("/api/admin/upload?reindex=true", upload));
            }

            await Admin.WaitForReindexAsync(api);
            await page.GotoAsync("/admin");
            await page.FillAsync("#token", ArchiveFactory.Token);
            await page.ClickAsync("form.login button");
            await page.WaitForSelectorAsync("#uploads");
            var summary = page.Locator("#uploads details.confirm summary");
            var confirm = page.Locator("#uploads details.confirm button[type=submit]");

            var before = (await summary.InnerTextAsync(), await confirm.IsVisibleAsync());
            await summary.ClickAsync();
            var opened = (await summary.InnerTextAsync(), await confirm.IsVisibleAsync());
            await ShotAsync(page, "admin-delete-confirm");
            await confirm.ClickAsync();
            var notice = await page.Locator("p.notice").TextContentAsync();

            Assert.Equal(("删除", false), before);
            Assert.Equal(("取消", true), opened);
            Assert.Contains("已删除 uploads/错传的讲话.md", notice, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(app.CorpusDirectory, "uploads", "错传的讲话.md")));
            await Admin.WaitForReindexAsync(api);
        });
    }

    private async Task WithPageAsync(Func<IPage, HttpClient, Task> scenario, bool phone = false, bool clipboard = false, ArchiveFactory? server = null)
    {
        Skip.If(browser.Browser is null, browser.Unavailable);
        var address = (server ?? app).StartKestrel();
        using var api = new HttpClient { BaseAddress = address };
        await browser.RunAsync(address, page => scenario(page, api), phone, clipboard);
    }

    private Task ShotAsync(IPage page, string name) => BrowserFixture.ShotAsync(page, name, output);

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(await page.TextContentAsync(".summary .count strong") ?? "", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    public void Dispose() => app.Dispose();
}
