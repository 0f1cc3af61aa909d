using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

public sealed class WritingPageTests : IDisposable
{
    private readonly ArchiveFactory app = new(withSeeds: true);
    private readonly HttpClient client;

    public WritingPageTests() => client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

    [Fact]
    public async Task WhenAQuestionIsInNoPassageAsWritten_RelatedTermsShouldComeFromWhatTheSearchFinds()
    {
        const string question = "怎样防止干部腐败";
        var page = await Html.GetAsync(client, "/related?q=" + Encode(question));
        var api = JsonDocument.Parse(await client.GetStringAsync("/api/related-terms?q=" + Encode(question))).RootElement;

        Assert.Contains("按词", page.QuerySelector("p.count")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("a.term"));
        Assert.True(api.GetProperty("foreground").GetInt32() > 0);
        Assert.Contains(api.GetProperty("readAs").EnumerateArray(), w => w.GetString() == "腐败");
        Assert.NotEmpty(api.GetProperty("terms").EnumerateArray());
    }

    [Fact]
    public async Task WhenListingAConcordance_ShouldShowOneRowPerOccurrenceAlignedOnTheHit()
    {
        var page = await Html.GetAsync(client, "/concordance?q=" + Encode("全面从严治党"));
        var api = await client.GetStringAsync("/api/concordance?q=" + Encode("全面从严治党") + "&limit=0");
        var total = System.Text.Json.JsonDocument.Parse(api).RootElement.GetProperty("total").GetInt32();

        var rows = page.QuerySelectorAll("table.kwic tbody tr:not(.source)");
        Assert.Equal(Math.Min(total, 200), rows.Length);
        Assert.All(rows, r => Assert.Equal("全面从严治党", r.QuerySelector("td.hit mark")!.TextContent));
        Assert.StartsWith(total.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("p.count strong")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("format=csv", page.QuerySelector("a.csv")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("figure.histogram svg"));
    }

    [Fact]
    public async Task AConcordanceOfManyPages_ShouldSayWhichPageItIsAndPastTheLastLeadBackToIt()
    {
        // A writers' trial: the page gave no page count above its rows, and a page past the last showed an empty table.
        using var many = new ArchiveFactory();
        File.WriteAllText(Path.Combine(many.CorpusDirectory, "many.md"), "---\ntitle: 在落实工作推进会上的讲话\ndate: 2022-05-10\n---\n\n" +
            string.Concat(Enumerable.Range(1, 260).Select(i => $"第{i}项任务要压实责任、抓好落实。\n\n")));
        using var http = many.CreateClient();
        var phrase = "/concordance?q=" + Encode("抓好落实");
        var total = JsonDocument.Parse(await http.GetStringAsync("/api/concordance?limit=1&q=" + Encode("抓好落实"))).RootElement.GetProperty("total").GetInt32();

        var first = await Html.GetAsync(http, phrase);
        var perPage = first.QuerySelectorAll("table.kwic tbody tr:not(.source)").Length;
        var pages = (total + perPage - 1) / perPage;
        Assert.True(pages > 1, $"{total} rows, {perPage} a page");
        Assert.Contains($"第 1–{perPage} 处，共 {total} 处", first.QuerySelector(".summary .range")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"第 1 / {pages} 页", first.QuerySelector(".summary .range")!.TextContent, StringComparison.Ordinal);

        using var response = await http.GetAsync(phrase + "&page=" + (pages + 3));
        var past = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = past.QuerySelector(".past-end");
        Assert.NotNull(message);
        Assert.Contains($"第 {pages + 3} 页", message.TextContent, StringComparison.Ordinal);
        Assert.Contains($"只有 {pages} 页", message.TextContent, StringComparison.Ordinal);
        Assert.Null(past.QuerySelector("table.kwic"));

        var last = await Html.GetAsync(http, message.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Null(last.QuerySelector(".past-end"));
        Assert.Equal(total - ((pages - 1) * perPage), last.QuerySelectorAll("table.kwic tbody tr:not(.source)").Length);
        Assert.Contains($"第 {((pages - 1) * perPage) + 1}–{total} 处，共 {total} 处 · 第 {pages} / {pages} 页", last.QuerySelector(".summary .range")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcordanceOfManyPages_ShouldNumberItsPagesAsTheSearchPageDoesAndKeepItsOrderAndFilters()
    {
        // A product review: /concordance?q=发展 had 48 pages and only 上一页 and 下一页, so page 30 took 29 clicks.
        using var many = new ArchiveFactory();
        File.WriteAllText(Path.Combine(many.CorpusDirectory, "many.md"), "---\ntitle: 在落实工作推进会上的讲话\ndate: 2022-05-10\n---\n\n" +
            string.Concat(Enumerable.Range(1, 1500).Select(i => $"第{i}项任务要压实责任、抓好落实。\n\n")));
        using var http = many.CreateClient();
        var total = JsonDocument.Parse(await http.GetStringAsync("/api/concordance?limit=1&q=" + Encode("抓好落实"))).RootElement.GetProperty("total").GetInt32();
        var perPage = SpeechArchive.Web.Pages.Writing.ConcordanceModel.PageSize;
        var pages = (total + perPage - 1) / perPage;
        Assert.Equal(8, pages);

        var first = await Html.GetAsync(http, "/concordance?q=" + Encode("抓好落实") + "&sort=date-desc&year=2022");
        var pager = first.QuerySelector("nav.pager[aria-label='分页']");
        Assert.NotNull(pager);
        Assert.Equal("1 2 3 … 8", PagerText(first));
        Assert.Equal("1", pager.QuerySelector("[aria-current=page]")!.TextContent.Trim());
        Assert.Null(pager.QuerySelector("[rel=prev]"));
        var links = pager.QuerySelectorAll("a:not([rel])").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal(["2", "3", "8"], links.Keys);
        Assert.All(links.Values, href =>
        {
            Assert.StartsWith("/concordance?", href, StringComparison.Ordinal);
            Assert.Contains("sort=date-desc", href, StringComparison.Ordinal);
            Assert.Contains("year=2022", href, StringComparison.Ordinal);
        });
        Assert.Equal(links["2"], pager.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var last = await Html.GetAsync(http, links["8"]);
        Assert.Equal("1 … 6 7 8", PagerText(last));
        Assert.Equal("8", last.QuerySelector("nav.pager [aria-current=page]")!.TextContent.Trim());
        Assert.Null(last.QuerySelector("nav.pager [rel=next]"));
        Assert.Contains("sort=date-desc", last.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("最新", last.QuerySelector("p.sort a.current")!.TextContent);
        Assert.Equal(total - (7 * perPage), last.QuerySelectorAll("table.kwic tbody tr:not(.source)").Length);

        var middle = await Html.GetAsync(http, "/concordance?q=" + Encode("抓好落实") + "&page=4");
        Assert.Equal("1 2 3 4 5 6 7 8", PagerText(middle)); // page 7 alone between 6 and 8: its number, not …
    }

    [Fact]
    public async Task WhenAConcordanceRowIsAHeading_ShouldLinkToTheHeadingInTheReader()
    {
        // 全面从严治党 stands in section headings of the seeds too: such a row linked to #p-0, which no reader has (a user trial).
        var page = await Html.GetAsync(client, "/concordance?q=" + Encode("全面从严治党"));

        var links = page.QuerySelectorAll("table.kwic a[href^='/speeches/']").Select(a => a.GetAttribute("href")!).ToList();
        var headings = links.Where(h => h.Contains("#s-", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(headings);
        Assert.DoesNotContain(links, h => h.EndsWith("#p-0", StringComparison.Ordinal));
        var reader = await Html.GetAsync(client, headings[0]);
        Assert.NotNull(reader.GetElementById(headings[0][(headings[0].IndexOf('#', StringComparison.Ordinal) + 1)..]));
    }

    [Theory]
    [InlineData("date")]
    [InlineData("date-asc")]
    [InlineData("")]
    public async Task WhenAConcordanceIsInDateOrder_ShouldLinkTheOrdersByTheirExplicitWords(string sort)
    {
        var page = await Html.GetAsync(client, "/concordance?q=" + Encode("全面从严治党") + (sort.Length > 0 ? "&sort=" + sort : ""));

        var links = page.QuerySelectorAll("p.sort a:not(.csv)").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal("时间", page.QuerySelector("p.sort a.current")!.TextContent);
        Assert.DoesNotContain("sort=", links["时间"], StringComparison.Ordinal); // oldest first is the default
        Assert.Contains("sort=date-desc", links["最新"], StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.searchbox input[name=sort]"));

        var newest = await Html.GetAsync(client, links["最新"]);
        Assert.Equal("最新", newest.QuerySelector("p.sort a.current")!.TextContent);
        Assert.Equal("date-desc", newest.QuerySelector("form.searchbox input[name=sort]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task WhenListingVariants_ShouldShowTheExactWordingFirstThenTheOthers()
    {
        var page = await Html.GetAsync(client, "/variants?q=" + Encode("全面从严治党永远在路上"));

        var variants = page.QuerySelectorAll("li.variant");
        Assert.True(variants.Length >= 2);
        Assert.True(variants[0].ClassList.Contains("exact"));
        Assert.Contains(variants, v => v.QuerySelector(".wording")!.TextContent == "全面从严治党一直在路上");
        var meta = variants[0].QuerySelector(".meta")!.TextContent;
        Assert.Matches(@"首见 \d{4}年\d{1,2}月\d{1,2}日", meta); // as every page prints dates, not 2022-06-30
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", meta);
    }

    [Fact]
    public async Task WhenOpeningSimilarPassagesFromTheReader_ShouldListPassagesOfOtherSpeeches()
    {
        var hit = (await SearchAsync(client, "q=" + Encode("八项规定"))).Hits[0];
        var page = await Html.GetAsync(client, "/similar?p=" + Encode(hit.PassageId)); // the reader's 相似段落 link (made by its script: BrowserTests)
        using var missing = await client.GetAsync("/similar?p=" + Encode("nowhere:1"));

        Assert.NotEmpty(page.QuerySelectorAll("ol.similar li.hit"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WhenPostingADraft_ShouldShowEachSentenceWithItsPrecedentsAndRuns()
    {
        using var response = await PostDraftAsync("要严肃考核问责，加大考核力度，以刚性问责推进党内政治生活的制度化、规范化。今天天气晴朗。");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sentences = page.QuerySelectorAll("li.draft-sentence");
        Assert.Equal(2, sentences.Length);
        Assert.True(sentences[0].ClassList.Contains("has-runs"));
        Assert.NotEmpty(sentences[0].QuerySelectorAll(".sentence mark"));
        Assert.NotEmpty(sentences[0].QuerySelectorAll("li.precedent"));
    }

    [Fact]
    public async Task WhenASentenceSharesARunButHasNoPrecedent_ShouldCiteWhereTheRunComesFromAndNotSayNothingIsNear()
    {
        using var response = await PostDraftAsync("去年秋天我们走访了三个城市的十几家工厂，大家一致认为应当抓好党内政治生活的制度化。");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        var sentence = Assert.Single(page.QuerySelectorAll("li.draft-sentence"));
        Assert.True(sentence.ClassList.Contains("has-runs"));
        Assert.Empty(sentence.QuerySelectorAll("li.precedent"));
        var run = Assert.Single(sentence.QuerySelectorAll("li.shared-run"));
        Assert.Contains("党内政治生活的制度化", run.QuerySelector("mark")!.TextContent, StringComparison.Ordinal);
        var source = await Html.GetAsync(client, run.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("党内政治生活的制度化", source.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("档案中没有相近的句子", sentence.TextContent, StringComparison.Ordinal);
        Assert.Contains("出处见上", sentence.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAMisquotedFormulationOpensASentenceThatRunsOn_ShouldShowItsClausePrecedentAndSaySoInsteadOfNothingIsNear()
    {
        using var response = await PostDraftAsync("坚持正确的政治方向，今年秋天我们还要走访三个城市的十几家工厂和农村合作社。");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        var sentence = Assert.Single(page.QuerySelectorAll("li.draft-sentence"));
        var precedent = Assert.Single(sentence.QuerySelectorAll("li.precedent"));
        Assert.True(precedent.ClassList.Contains("clause-precedent"));
        Assert.Equal("分句“坚持正确的政治方向”", precedent.QuerySelector(".clause")!.TextContent);
        Assert.Contains("坚持正确政治方向", precedent.QuerySelector(".snippet mark")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("档案中没有相近的句子", sentence.TextContent, StringComparison.Ordinal);
        Assert.Contains("以下是其中分句的先例", sentence.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenASentenceMisquotesASetFormulation_ShouldSaySoWithTheArchivesWording()
    {
        using var response = await PostDraftAsync("全面从严治党永远再路上。");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        var precedent = page.QuerySelectorAll("li.draft-sentence li.precedent")[0];
        Assert.Equal("疑似误引，档案作“全面从严治党永远在路上”", precedent.QuerySelector(".misquote")!.TextContent);
    }

    [Fact]
    public async Task WhenPastingAMarkdownDraft_ShouldCheckItsTextWithoutTheMarkup()
    {
        using var response = await PostDraftAsync("---\ntitle: 草稿\n---\n\n# 一、严肃问责\n\n要严肃考核问责，加大考核力度，以**刚性问责**推进党内政治生活的[制度化](http://x)、规范化。\n");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".markdown-note"));
        var sentences = page.QuerySelectorAll("li.draft-sentence .sentence").Select(s => s.TextContent).ToList();
        Assert.DoesNotContain(sentences, s => s.Contains("**", StringComparison.Ordinal) || s.Contains("title", StringComparison.Ordinal) || s.Contains("](", StringComparison.Ordinal));
        var marked = Assert.Single(page.QuerySelectorAll("li.draft-sentence"), s => s.TextContent.Contains("以刚性问责推进党内政治生活的制度化", StringComparison.Ordinal));
        Assert.Contains(marked.QuerySelectorAll(".sentence mark"), m => m.TextContent.Contains("党内政治生活的制度化", StringComparison.Ordinal)); // the offsets are into the text checked (制度化 was a link)
    }

    [Fact]
    public async Task WhenPostingADraftWithoutTheAntiforgeryToken_ShouldRefuseIt()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "全面从严治党永远在路上。" });

        using var response = await client.PostAsync("/draft", content);

        await FormRefusal.AssertExplainedAsync(response, "/draft");
    }

    [Fact]
    public async Task WhenChartingTwoPhrases_ShouldDrawTwoLinesAndLinkTheCsv()
    {
        var page = await Html.GetAsync(client, "/trends?q=" + Encode("作风建设") + "&q=" + Encode("全面从严治党"));

        var series = page.QuerySelectorAll("#phrase-trend svg g.series");
        Assert.Equal(["作风建设", "全面从严治党"], series.Select(s => s.GetAttribute("data-series")));
        Assert.All(series, s => Assert.NotEmpty(s.QuerySelectorAll("circle title")));
        Assert.Contains("format=csv", page.QuerySelector("#phrase-trend a.csv")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAVariantIsUsedMoreOftenThanItsExamplesShow_ShouldSaySoAndLinkItsUses()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();
        var page = await Html.GetAsync(http, "/variants?q=" + Encode("全面从严治党"));

        var variants = page.QuerySelectorAll("li.variant").ToList();
        int Count(AngleSharp.Dom.IElement v) => int.Parse(v.QuerySelector(".meta b")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        int Passages(AngleSharp.Dom.IElement v) => int.Parse(System.Text.RegularExpressions.Regex.Match(v.QuerySelector(".meta")!.TextContent, @"（(\d+) 段").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var many = variants.Where(v => Passages(v) > v.QuerySelectorAll("ul.examples > li").Length).ToList();
        Assert.NotEmpty(many);
        foreach (var v in many)
        {
            var shown = v.QuerySelectorAll("ul.examples > li").Length;
            Assert.Equal($"出处（最早的 {shown} 段，共 {Passages(v)} 段）", v.QuerySelector("summary")!.TextContent);
            var uses = await Html.GetAsync(http, v.QuerySelector("a.all-uses")!.GetAttribute("href")!);
            Assert.True(int.Parse(uses.QuerySelector("p.count strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= Count(v)); // the wording's uses, every one
        }

        Assert.All(variants.Except(many), v => Assert.Equal("出处", v.QuerySelector("summary")!.TextContent));

        // Under a filter the links to the concordance keep it, as the page counted under it.
        var filtered = await Html.GetAsync(http, "/variants?year=2022&q=" + Encode("全面从严治党"));
        var links = filtered.QuerySelectorAll("p.count a, a.all-uses").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Equal("2022", Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + l).Query)["year"].ToString()));
    }

    [Fact]
    public async Task WhenALinkChartsMorePhrasesThanTheFormsBoxes_ShouldGiveEachItsBoxSoRedrawingKeepsThem()
    {
        string[] phrases = ["作风建设", "全面从严治党", "纪律", "监督", "廉洁"];
        var page = await Html.GetAsync(client, "/trends?" + string.Join("&", phrases.Select(p => "q=" + Encode(p))));
        var empty = await Html.GetAsync(client, "/trends");

        Assert.Equal(phrases, page.QuerySelectorAll("#phrase-trend svg g.series").Select(s => s.GetAttribute("data-series")));
        Assert.Equal(phrases, page.QuerySelectorAll("form.trend-form input[name=q]").Select(i => i.GetAttribute("value")));
        Assert.Equal(4, empty.QuerySelectorAll("form.trend-form input[name=q]").Length);
    }

    [Fact]
    public async Task WhenShowingThemeShares_ShouldShadeEachYearAndLinkEachCellToThatThemeAndYear()
    {
        var api = await client.GetFromJsonAsync<JsonElement>("/api/trends/themes");
        var page = await Html.GetAsync(client, "/trends?type=requirement");
        var all = await Html.GetAsync(client, "/trends");

        var rows = all.QuerySelectorAll("#theme-trend table.heat tbody tr");
        var years = all.QuerySelectorAll("#theme-trend table.heat thead th").Skip(2).Select(th => int.Parse(th.TextContent, CultureInfo.InvariantCulture)).ToList();
        var passages = api.GetProperty("passages").EnumerateArray().Select(p => p.GetInt32()).ToList();
        var apiYears = api.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal(apiYears.Where((_, i) => passages[i] > 0).Reverse(), years); // newest first; the fixtures span under 20 years, so all
        Assert.Equal(api.GetProperty("themes").GetArrayLength(), rows.Length);
        foreach (var theme in api.GetProperty("themes").EnumerateArray())
        {
            var row = all.QuerySelector($"#theme-trend tr[data-theme='{theme.GetProperty("id").GetString()}']")!;
            var cells = row.QuerySelectorAll("td").Skip(1).ToList();
            var shares = theme.GetProperty("shares").EnumerateArray().Select(s => s.GetDouble()).Where((_, i) => passages[i] > 0).Reverse().ToList();
            Assert.Equal(shares.Count, cells.Count);
            for (var i = 0; i < cells.Count; i++)
            {
                var link = cells[i].QuerySelector("a");
                Assert.Equal(shares[i] > 0, link is not null);
                Assert.Equal(shares[i] > 0, cells[i].ClassName != "h0");
                if (link is not null)
                {
                    var href = link.GetAttribute("href")!;
                    Assert.Contains("theme=" + theme.GetProperty("id").GetString(), href, StringComparison.Ordinal);
                    Assert.Contains("year=" + years[i].ToString(CultureInfo.InvariantCulture), href, StringComparison.Ordinal);
                }
            }
        }

        // The largest share on the table is darkest; rows run from the largest overall share down.
        var darkest = all.QuerySelectorAll("#theme-trend td.h8");
        Assert.NotEmpty(darkest);
        var overall = rows.Select(r => double.Parse(r.QuerySelector("td.overall")!.TextContent.TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(overall.OrderByDescending(x => x), overall);

        // A drill-down link keeps the page's other filters.
        var filtered = page.QuerySelector("#theme-trend td a")!.GetAttribute("href")!;
        Assert.Contains("type=requirement", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAWordIsWidened_ShouldSayWhatElseWasSearchedAndOfferToSwitchItOff()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("四风"));

        var notice = page.QuerySelector(".understanding")!;
        Assert.Contains("形式主义", notice.TextContent, StringComparison.Ordinal);
        var off = notice.QuerySelector(".expand-off")!;
        Assert.Contains("expand=0", await Html.TargetAsync(client, page, off), StringComparison.Ordinal);
        var narrow = await Html.FollowAsync(client, page, off);
        Assert.NotNull(narrow.QuerySelector(".expand-on"));
        Assert.Equal("0", narrow.QuerySelector("form.searchbox input[name=expand]")!.GetAttribute("value"));
        Assert.True(Html.Total(narrow) < Html.Total(page));
    }

    [Fact]
    public async Task WhenFreeTextHoldsAClauseNearlyInOrder_ShouldCountItAsAlignedNotAsANearMatch()
    {
        // Counted for its words and ranked first for holding the clause nearly in order: not a near match, which the page
        // lists apart and does not count, so near=0 leaves it where it is.
        var page = await Html.GetAsync(client, "/?near=0&q=" + Encode("以刚性问责推党内治生活的制度化"));

        var first = page.QuerySelector("ol.hits li.hit")!;
        Assert.Equal(HitMatch.Aligned, first.GetAttribute("data-match"));
        Assert.StartsWith("接近原文", first.QuerySelector(".badge.aligned")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("li.hit[data-match=near], .badge.near"));
        Assert.Contains("不列近似结果", page.QuerySelector(".near-on")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenOnlyNearMatchesExist_ShouldListThemUnderTheirOwnHeading()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("以刚性问责推党内治生活的制度化") + "&mode=exact");

        Assert.Equal(0, Html.Total(page));
        Assert.NotNull(page.QuerySelector("h2.tier"));
        var first = page.QuerySelector("ol.hits.near li.hit")!;
        Assert.Equal(HitMatch.Near, first.GetAttribute("data-match"));
        Assert.Contains("以刚性问责推动党内政治生活的制度化", first.QuerySelector(".snippet")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".no-results"));
    }

    [Fact]
    public async Task WhenTheWritersPagesHaveNoQuery_ShouldShowTheirForms()
    {
        foreach (var url in new[] { "/concordance", "/variants", "/trends", "/draft", "/related" })
        {
            var page = await Html.GetAsync(client, url);
            Assert.NotNull(page.QuerySelector("main form"));
        }
    }

    [Fact]
    public async Task AFilterOnAWritersPage_ShouldShowAsAChipThatRemovesIt()
    {
        var all = await Html.GetAsync(client, "/concordance?q=" + Api.Encode("作风"));
        var filtered = await Html.GetAsync(client, "/concordance?q=" + Api.Encode("作风") + "&year=2022");

        var chip = Assert.Single(filtered.QuerySelectorAll(".chips .chip:not(.clear)"));
        Assert.Contains("年份：2022年", chip.TextContent, StringComparison.Ordinal);
        Assert.Empty(all.QuerySelectorAll(".chips .chip"));
        var unfiltered = await Html.GetAsync(client, chip.GetAttribute("href")!);
        Assert.Empty(unfiltered.QuerySelectorAll(".chips .chip"));
        Assert.Equal(all.QuerySelector(".summary .count")!.TextContent, unfiltered.QuerySelector(".summary .count")!.TextContent);
    }

    /// <summary>Posts <paramref name="text"/> through the draft page's form, with its antiforgery token.</summary>
    [Fact]
    public async Task WhenTheSentencesOnlyPrecedentIsCitedForAClause_ShouldNotSayNoneIsNear()
    {
        // The passage said 0.38 of the sentence and 0.82 of its first clause: listed for the clause, the page said the
        // sentence had no precedent (按顺序相同的不到 30%), a review found.
        using var archive = new ArchiveFactory();
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "b.md"), "---\ntitle: 乙\nyear: 2022\n---\n\n今年各单位要坚定不懈地推进作风建设，这是大家的共同任务。\n");
        using var own = archive.CreateClient();
        using var response = await PostDraftAsync("坚定不移推进作风建设，纪检监察干部要带头严守纪律。", own);
        var sentence = Assert.Single(Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("li.draft-sentence"));

        Assert.NotEmpty(sentence.QuerySelectorAll("li.clause-precedent"));
        Assert.DoesNotContain("没有相近的先例", sentence.TextContent, StringComparison.Ordinal);
        Assert.Contains("以下先例按分句列出", sentence.TextContent, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostDraftAsync(string text, HttpClient? to = null)
    {
        var client = to ?? this.client;
        var form = await Html.GetAsync(client, "/draft");
        var token = form.QuerySelector("form.draft input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = text, ["__RequestVerificationToken"] = token });
        return await client.PostAsync("/draft", content);
    }

    /// <summary>The pager's numbers and ellipses (not 上一页 or 下一页), space-separated.</summary>
    private static string PagerText(IDocument page) =>
        string.Join(" ", page.QuerySelectorAll("nav.pager > *").Where(e => e.GetAttribute("rel") is null).Select(e => e.TextContent.Trim()));

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
