using System.Globalization;
using System.Net;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

public sealed class SearchPageTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public SearchPageTests() => client = app.CreateClient();

    [Fact]
    public async Task WhenTheQueryIsBlank_ShouldListTheNewestSpeechesEachByAPassageOfSubstance()
    {
        var page = await Html.GetAsync(client, "/");
        var grouped = await SearchAsync(client, "group=1&sort=date&limit=10");
        var procedural = await SearchAsync(client, "type=procedural&limit=100");

        var shown = page.QuerySelectorAll("li.hit h3 a").Select(a => a.GetAttribute("href")!.Split('?', '#')[0]).ToList();
        Assert.Equal(grouped.Hits.Select(h => "/speeches/" + Uri.EscapeDataString(h.SpeechId)), shown);
        Assert.Equal(grouped.Total, Html.Total(page));
        Assert.Equal(grouped.TotalSpeeches, grouped.Total);
        var keys = grouped.Hits.Select(h => h.Date ?? h.Year?.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.Equal(keys.OrderDescending(StringComparer.Ordinal), keys);
        Assert.All(grouped.Hits, h => Assert.NotEqual(["procedural"], h.DirectiveTypes));
        Assert.Contains(procedural.Hits, h => h.DirectiveTypes.SequenceEqual(["procedural"]) && grouped.Hits.Any(g => g.SpeechId == h.SpeechId)); // there were some to skip
        Assert.True(Html.Total(await Html.GetAsync(client, "/?group=0")) > Html.Total(page));
        var dates = page.QuerySelectorAll("li.hit .meta .date").Select(d => d.TextContent).ToList();
        Assert.All(dates, d => Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", d));
        Assert.Contains(dates, d => System.Text.RegularExpressions.Regex.IsMatch(d, @"^\d{4}年\d{1,2}月\d{1,2}日$")); // as official writing dates
    }

    [Fact]
    public async Task WhenTwoSourcesPrintTheSameSpeech_ShouldShowEachPassageOnceWithTheOtherLinkedAndOfferEachSeparately()
    {
        using var reprinted = new ArchiveFactory();
        var original = File.ReadAllText(Path.Combine(reprinted.CorpusDirectory, "2021-dangshi-xuexi.md"));
        File.WriteAllText(Path.Combine(reprinted.CorpusDirectory, "2021-dangshi-xuexi-xinhua.md"), original
            .Replace("title: 在党史学习教育动员会上的讲话", "title: 新华社电 在党史学习教育动员会上的讲话", StringComparison.Ordinal)
            .Replace("date: 2021-03-05", "date: 2021-03-06", StringComparison.Ordinal));
        using var http = reprinted.CreateClient();
        var query = "q=" + Encode("学史明理");

        var folded = await SearchAsync(http, query);
        var each = await SearchAsync(http, query + "&fold=0");
        var page = await Html.GetAsync(http, "/?" + query);
        var eachPage = await Html.GetAsync(http, "/?" + query + "&fold=0");

        Assert.Equal(2, each.Hits.Count);
        Assert.Equal(each.Total, folded.Total);
        var hit = Assert.Single(folded.Hits);
        var reprint = Assert.Single(hit.Reprints);
        Assert.Equal(
            ["在党史学习教育动员会上的讲话", "新华社电 在党史学习教育动员会上的讲话"],
            new[] { hit.Title, reprint.Title }.Order(StringComparer.Ordinal));
        Assert.Equal(1, folded.Folded);
        var shown = Assert.Single(page.QuerySelectorAll("li.hit"));
        var link = Assert.Single(shown.QuerySelectorAll(".reprints a"));
        Assert.Contains(reprint.Title, link.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/speeches/" + Uri.EscapeDataString(reprint.SpeechId), link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(folded.Total, Html.Total(page));
        Assert.Contains("1 段与他处同文", page.QuerySelector(".summary .count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fold=0", await Html.TargetAsync(http, page, page.QuerySelector(".summary .count .fold-off")!), StringComparison.Ordinal);
        Assert.Equal(2, eachPage.QuerySelectorAll("li.hit").Length);
        Assert.Empty(eachPage.QuerySelectorAll("li.hit .reprints"));
        Assert.NotNull(eachPage.QuerySelector(".understanding .fold-on"));
        Assert.Equal("0", eachPage.QuerySelector("form input[name=fold]")?.GetAttribute("value")); // a new search keeps the choice
    }

    [Fact]
    public async Task WhenSearchingAWord_ShouldListHitsWithTheWordMarked()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风建设"));

        var hits = page.QuerySelectorAll("li.hit");
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Contains(hit.QuerySelectorAll(".snippet mark, .matched-heading mark"), m => m.TextContent == "作风建设"));
        var api = await SearchAsync(client, "q=" + Encode("作风建设"));
        Assert.Equal(api.Total, Html.Total(page));
        Assert.Contains("条结果，用时", page.QuerySelector(".summary .count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task WhenGroupedBySpeechOrFilteredByAReversedRange_ShouldSayWhatIsCountedAndTheRangeAsSearched()
    {
        var grouped = await Html.GetAsync(client, "/?group=1&q=" + Encode("作风建设"));
        var reversed = await Html.GetAsync(client, "/?year=2023..2019&q=" + Encode("作风建设"));

        var count = grouped.QuerySelector(".summary .count")!.TextContent;
        var ungrouped = (await Html.GetAsync(client, "/?q=" + Encode("作风建设"))).QuerySelector(".summary .count")!;
        Assert.StartsWith(Html.Total(grouped) + " 篇讲话", count, StringComparison.Ordinal); // the count is of speeches
        Assert.DoesNotContain("条结果", count, StringComparison.Ordinal);
        Assert.Equal("", grouped.QuerySelector(".summary .count .speeches")!.TextContent); // said once, not again in brackets
        Assert.Matches(@"^（\d+ 篇讲话）$", ungrouped.QuerySelector(".speeches")!.TextContent);
        Assert.DoesNotContain("@", count + ungrouped.TextContent, StringComparison.Ordinal); // no template code shown
        Assert.Contains(reversed.QuerySelectorAll(".chips .chip"), c => c.TextContent.Contains("年份：2019–2023年", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenFreeTextIsSortedByDate_ShouldSayThePassagesHoldingItAsWrittenAreAmongTheRestAndLinkThemAlone()
    {
        // The user trial sorted 以经济建设为中心 by date to find its first use: the first four hits held only some of its words.
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();
        const string query = "党风廉政建设的主体责任";
        var json = await Api.SearchAsync(http, "near=0&q=" + Encode(query));
        Assert.True(json.Reading!.AsWritten > 0 && json.Total > json.Reading.AsWritten, "some passages hold it as written, more only some of its words");

        var dated = await Html.GetAsync(http, "/?near=0&sort=date-asc&q=" + Encode(query));
        var ranked = await Html.GetAsync(http, "/?near=0&q=" + Encode(query));

        var hint = dated.QuerySelector(".understanding .as-written-dated")!;
        Assert.StartsWith($"含原文的 {json.Reading.AsWritten} 段与只含部分词的段落一起按日期排列", hint.TextContent, StringComparison.Ordinal);
        var alone = await Html.TargetAsync(http, dated, hint.QuerySelector(".as-written-only")!);
        Assert.Contains("mode=exact", alone, StringComparison.Ordinal);
        Assert.Contains("sort=date-asc", alone, StringComparison.Ordinal);
        var exact = await Html.GetAsync(http, alone);
        Assert.Equal(json.Reading.AsWritten, Html.Total(exact));
        Assert.Null(ranked.QuerySelector(".understanding .as-written-dated"));
        Assert.Contains(ranked.QuerySelectorAll(".understanding .hint"), h => h.TextContent == $"含原文的 {json.Reading.AsWritten} 段排在最前");
    }

    [Fact]
    public async Task WhenAQueryIsRankedByMeaning_ShouldMarkThePassagesFoundByMeaningAndLetTheUserTurnItOff()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("公款大吃大喝"));
        var off = await Html.GetAsync(http, "/?near=0&expand=0&q=" + Encode("公款大吃大喝"));

        var note = page.QuerySelector(".understanding .meaning-note");
        Assert.NotNull(note);
        var byMeaning = page.QuerySelectorAll("li.hit[data-match=meaning]");
        Assert.NotEmpty(byMeaning);
        Assert.All(byMeaning, hit => Assert.Equal("意思相近", hit.QuerySelector(".badge.meaning")!.TextContent));
        Assert.Contains("按意思排序", note!.TextContent, StringComparison.Ordinal);
        Assert.Contains("基础词向量，以本库文本扩展", note.TextContent, StringComparison.Ordinal); // the seeds: too few to learn from, their own words added
        Assert.Null(off.QuerySelector(".understanding .meaning-note"));
        Assert.Empty(off.QuerySelectorAll("li.hit[data-match=meaning]"));
        Assert.True(Html.Total(off) < Html.Total(page));
        var counted = page.QuerySelector("p.count .by-meaning")!.TextContent; // the total says how many of it came by meaning
        var json = await Api.SearchAsync(http, "near=0&q=" + Encode("公款大吃大喝"));
        Assert.Equal($"（其中 {json.Reading!.ByMeaning} 段所含检索词不够，因意思相近列入）", counted);
        Assert.Null(off.QuerySelector("p.count .by-meaning"));
    }

    [Fact]
    public async Task WhenAQueryIsRankedByMeaning_ShouldOfferWordsNearInMeaningThatReplaceTheWordAndFindPassages()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("如何治理形式主义"));
        var offered = page.QuerySelectorAll(".understanding.suggestions .near-word");
        var companions = await Html.GetAsync(http, "/?near=0&q=" + Encode("怎样防止干部腐败"));

        Assert.NotEmpty(offered);
        Assert.DoesNotContain(companions.QuerySelectorAll(".near-word"), a => a.TextContent == "扩散"); // what is prevented, not another word for 防止
        foreach (var link in offered)
        {
            var word = link.Closest(".suggestion")!.QuerySelector("b")!.TextContent;
            Assert.True(link.TextContent.AsSpan().IndexOfAny(word) >= 0, $"{link.TextContent} shares a character with {word}");
            var href = await Html.TargetAsync(http, page, link);
            var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), href).Query)["q"].ToString();
            Assert.Contains(link.TextContent, q, StringComparison.Ordinal);
            Assert.DoesNotContain(word, q, StringComparison.Ordinal);
            Assert.True(Html.Total(await Html.GetAsync(http, href)) > 0, $"{q} finds passages");
        }
    }

    [Fact]
    public async Task WhenALoweredMinimumLeavesOutPassagesHoldingOnlyACommonWord_ShouldSayWhichBesideTheMinimum()
    {
        using var archive = new ArchiveFactory();
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "common.md"),
            "---\ntitle: 管理制度\ndate: 2021-01-10\n---\n\n" + string.Join("\n\n", Enumerable.Range(1, 1200).Select(n => $"第{n}项管理制度要落实到位。")));
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "rare.md"),
            "---\ntitle: 平台检查\ndate: 2022-01-10\n---\n\n" + string.Join("\n\n", Enumerable.Range(1, 4).Select(n => $"网约车平台第{n}次接受检查。")) + "\n\n网约车的管理要规范。");
        using var http = archive.CreateClient();

        var api = await SearchAsync(http, "q=" + Encode("网约车管理") + "&near=0&limit=0");
        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("网约车管理"));

        Assert.Equal(["管理"], api.Reading!.NotCountedAlone);
        Assert.Equal(api.Total, Html.Total(page));
        Assert.Equal("（只含“管理”的不计）", page.QuerySelector(".understanding.reading .not-alone")!.TextContent);
    }

    [Fact]
    public async Task WhenSomeSpeechHasNoYear_ShouldSayHowManyPassagesHaveNoneUnderTheYears()
    {
        using var archive = new ArchiveFactory();
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "undated.md"), "---\ntitle: 关于作风建设的讲话\n---\n\n作风建设永远在路上，要持之以恒。\n\n要抓好作风建设。\n");
        using var http = archive.CreateClient();

        var api = await SearchAsync(http, "q=" + Encode("作风建设") + "&near=0&limit=0");
        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("作风建设"));

        Assert.Equal(2, api.Facets.YearUnknown);
        Assert.Equal(api.Total, api.Facets.Year.Sum(y => y.Count) + api.Facets.YearUnknown);
        Assert.Equal("无年份 2", page.QuerySelector(".facet .facet-unknown")!.TextContent.Trim());
    }

    [Fact]
    public async Task WhenALongWordHasComponents_ShouldShowThemBesideTheWordAsTheApiReadsThem()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();
        var api = await SearchAsync(http, "q=" + Encode("党风廉政建设怎么抓") + "&near=0&limit=0");
        var word = Assert.Single(api.Reading!.Words);

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("党风廉政建设怎么抓"));

        Assert.True(word.Components.Count > 1);
        var chip = Assert.Single(page.QuerySelectorAll(".understanding.reading .word-chip"));
        Assert.Equal("（或 " + string.Join("·", word.Components) + "）", chip.QuerySelector(".components")!.TextContent);
    }

    [Fact]
    public async Task WhenAQuotedPhraseStandsBesideMarkup_ShouldShowItAsRequiredNotIgnored()
    {
        // A user trial: the reading said 已忽略：x、1 beside a quoted "x" every result had to hold (the x left out was that of
        // src=x). The seeds hold a passage quoting such markup: the one found, as the reading now says.
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("<img src=x onerror=alert(1)> \"x\" 干部"));

        var reading = page.QuerySelector(".understanding.reading")!;
        Assert.Equal("须含原文 “x”", Assert.Single(reading.QuerySelectorAll(".word-chip.phrase")).TextContent);
        Assert.Equal("已忽略：1", reading.QuerySelector(".dropped")!.TextContent);
        Assert.All(page.QuerySelectorAll(".hit .snippet"), s => Assert.Contains("x", s.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenAnEverydayWordIsSearchedThroughItsTermsAlone_ShouldSayWhichBesideTheWord()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();
        var api = await SearchAsync(http, "q=" + Encode("穷人怎么办") + "&near=0&limit=0");
        var word = Assert.Single(api.Reading!.Words);

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("穷人怎么办"));

        Assert.True(word.TermsOnly);
        Assert.NotEmpty(word.Expansions);
        var chip = Assert.Single(page.QuerySelectorAll(".understanding.reading .word-chip"));
        Assert.Equal("（按 " + string.Join("、", word.Expansions) + " 检索）", chip.QuerySelector(".terms-only")!.TextContent);
    }

    [Fact]
    public async Task WhenAPastedParagraphIsReadAsManyWords_ShouldGiveTheFirstChipsAnXAndListTheRestWithoutMakingAPageOfMegabytes()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var http = seeds.CreateClient();
        var text = string.Concat(Directory.GetFiles(seeds.CorpusDirectory, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var clauses = System.Text.RegularExpressions.Regex.Matches(text, @"\p{IsCJKUnifiedIdeographs}{6,}").Select(m => m.Value).Distinct().ToList();
        var query = "";
        for (var i = 0; i < clauses.Count && query.Length + clauses[i].Length < SpeechArchive.Search.QueryParser.MaxLength - 1; i += 7)
        {
            query += (query.Length > 0 ? "，" : "") + clauses[i];
        }

        var api = await SearchAsync(http, "q=" + Encode(query) + "&near=0&limit=0");
        var response = await http.GetAsync("/?near=0&q=" + Encode(query));
        var body = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(body);

        var words = api.Reading!.Words.Select(w => w.Word).ToList();
        Assert.True(words.Count > 2 * SpeechArchive.Web.Pages.IndexModel.RemovableWords, $"the query was read as {words.Count} words only");
        var chips = page.QuerySelectorAll(".understanding.reading .word-chip:not(.formulation)");
        Assert.Equal(words.Take(SpeechArchive.Web.Pages.IndexModel.RemovableWords), chips.Select(c => c.QuerySelector("b")!.TextContent));
        Assert.All(chips, c => Assert.NotNull(c.QuerySelector(".remove-word")));
        var more = page.QuerySelector(".understanding.reading details.more-words")!;
        Assert.Equal($"另有 {words.Count - SpeechArchive.Web.Pages.IndexModel.RemovableWords} 个词", more.QuerySelector("summary")!.TextContent);
        Assert.Equal(string.Join("、", words.Skip(SpeechArchive.Web.Pages.IndexModel.RemovableWords)), more.TextContent[more.QuerySelector("summary")!.TextContent.Length..]);
        Assert.True(body.Length < 1_000_000, $"the page is {body.Length:N0} characters"); // every × carries the whole query: 9 kB each here, some 2.7 MB for them all
    }

    [Fact]
    public async Task WhenAQueryDescribesAFormulation_ShouldShowItAsARemovableChipAndMarkItsPassages()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        File.WriteAllText(Path.Combine(seeds.CorpusDirectory, "thesaurus.yaml"), "formulations:\n  警示教育: [用出事干部的例子提个醒]\n");
        using var http = seeds.CreateClient();
        var api = await SearchAsync(http, "q=" + Encode("用出事干部的例子提个醒") + "&near=0&limit=50");

        var page = await Html.GetAsync(http, "/?near=0&limit=50&q=" + Encode("用出事干部的例子提个醒"));

        Assert.Equal(["警示教育"], api.Reading!.Formulations);
        var chip = Assert.Single(page.QuerySelectorAll(".understanding.reading .word-chip.formulation"));
        Assert.Equal("警示教育", chip.QuerySelector("b")!.TextContent);
        Assert.Contains(api.Hits, h => h.Match == "formulation");
        Assert.Equal(api.Hits.Count(h => h.Match == "formulation"), page.QuerySelectorAll(".badge.expanded").Count(b => b.TextContent == "按提法"));

        // Its × drops the formulation alone: the words, their thesaurus terms and the meaning stay, and it can be restored.
        var removed = await Html.FollowAsync(http, page, chip.QuerySelector(".remove-word")!);
        var without = await SearchAsync(http, "q=" + Encode("用出事干部的例子提个醒") + "&near=0&limit=50&noform=" + Encode("警示教育"));
        Assert.Empty(without.Reading!.Formulations);
        Assert.Equal(api.Reading.MeaningSearched, without.Reading.MeaningSearched);
        Assert.Equal(api.Reading.Words.Select(w => w.Word), without.Reading.Words.Select(w => w.Word));
        Assert.DoesNotContain(without.Hits, h => h.Match == "formulation");
        Assert.Empty(removed.QuerySelectorAll(".understanding.reading .word-chip.formulation:not(.removed)"));
        var restore = Assert.Single(removed.QuerySelectorAll(".word-chip.formulation.removed"));
        Assert.Equal("警示教育", restore.QuerySelector("s")!.TextContent);
        var nothing = await Html.GetAsync(http, "/?near=0&limit=50&q=" + Encode("用出事干部的例子提个醒") + "&noform=" + Encode("没有这个提法"));
        Assert.Empty(nothing.QuerySelectorAll(".word-chip.formulation.removed")); // it removed nothing
        var restored = await Html.FollowAsync(http, removed, restore.QuerySelector(".restore-formulation")!);
        Assert.Equal("警示教育", Assert.Single(restored.QuerySelectorAll(".understanding.reading .word-chip.formulation")).QuerySelector("b")!.TextContent);
        Assert.Equal(Html.Total(page), Html.Total(restored));
    }

    [Fact]
    public async Task WhenFilteringByAYear_ShouldNarrowHitsButKeepTheOtherYearsCounts()
    {
        var all = await SearchAsync(client, "q=" + Encode("作风") + "&limit=100");
        var year = all.Facets.Year.OrderByDescending(y => y.Count).First();

        var page = await Html.GetAsync(client, "/?q=" + Encode("作风") + "&year=" + year.Value);

        Assert.Equal(year.Count, Html.Total(page));
        Assert.All(page.QuerySelectorAll("li.hit .meta .date"), d => Assert.Contains(year.Value, d.TextContent, StringComparison.Ordinal));
        var yearLinks = page.QuerySelectorAll(".facet-value[data-facet=year]");
        foreach (var facet in all.Facets.Year)
        {
            var link = Assert.Single(yearLinks, a => a.GetAttribute("data-value") == facet.Value);
            Assert.Equal(facet.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), link.QuerySelector(".n")!.TextContent);
            Assert.Equal(facet.Value == year.Value, link.ClassList.Contains("selected"));
        }
    }

    [Fact]
    public async Task WhenSelectingTwoValuesOfAFacet_ShouldOrThem()
    {
        var all = await SearchAsync(client, "limit=0");
        var years = all.Facets.Year.Take(2).ToList();
        Assert.Equal(2, years.Count);

        var page = await Html.GetAsync(client, $"/?group=0&year={years[0].Value}&year={years[1].Value}"); // passages, not speeches

        Assert.Equal(years[0].Count + years[1].Count, Html.Total(page));
        Assert.Equal(2, page.QuerySelectorAll(".facet-value.selected[data-facet=year]").Length);
    }

    [Fact]
    public async Task WhenAFilterIsActive_ShouldShowARemovableChip()
    {
        var all = await SearchAsync(client, "limit=0");
        var theme = all.Facets.Theme[0];

        var page = await Html.GetAsync(client, "/?q=" + Encode("要") + "&theme=" + theme.Value);

        var chip = page.QuerySelectorAll(".chips .chip").First(a => !a.ClassList.Contains("clear"));
        Assert.Contains(theme.Label, chip.TextContent, StringComparison.Ordinal);
        var removed = await Html.FollowAsync(client, page, chip);
        Assert.Empty(removed.QuerySelectorAll(".chips"));
        Assert.Equal("要", removed.QuerySelector("input[name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task WhenClickingAYearBar_ShouldFilterOnThatYear()
    {
        var page = await Html.GetAsync(client, "/");
        var bar = page.QuerySelectorAll(".histogram .year-bar")[0];
        var year = bar.GetAttribute("data-year")!;

        var filtered = await Html.FollowAsync(client, page, bar);

        Assert.Contains(filtered.QuerySelectorAll(".facet-value.selected[data-facet=year]"), a => a.GetAttribute("data-value") == year);
        Assert.All(filtered.QuerySelectorAll("li.hit .meta .date"), d => Assert.Contains(year, d.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("date")]
    [InlineData("date-desc")]
    public async Task WhenSortedNewestFirst_ShouldWriteTheExplicitWordInEveryLinkAndTheForm(string sort)
    {
        var page = await Html.GetAsync(client, "/?group=0&sort=" + sort); // every passage: several pages

        Assert.Equal("最新", page.QuerySelector(".sort .current")!.TextContent);
        Assert.Equal("date-desc", page.QuerySelector("form.searchbox input[name=sort]")!.GetAttribute("value"));
        var hrefs = new List<string>();
        foreach (var control in page.QuerySelectorAll(".sort a, .sort button, .pager a, .pager button, .facet-value"))
        {
            hrefs.Add(await Html.TargetAsync(client, page, control)); // through the server: a button is redirected to the whole address
        }

        hrefs = hrefs.Where(h => h.Contains("sort=", StringComparison.Ordinal)).ToList();
        Assert.Contains(hrefs, h => h.Contains("page=2", StringComparison.Ordinal));
        Assert.All(hrefs, h => Assert.Matches("sort=(date-desc|date-asc)(&|$)", h));
        Assert.Contains("sort=date-asc", await Html.TargetAsync(client, page, page.QuerySelectorAll(".sort a, .sort button").Single(a => a.TextContent == "最早")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenPaging_ShouldShowTheNextHitsAndKeepTheState()
    {
        var first = await Html.GetAsync(client, "/?sort=date&group=0"); // every passage (a blank query lists speeches by default)
        var next = await Html.TargetAsync(client, first, first.QuerySelector(".pager .next")!);
        Assert.Contains("sort=date", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);

        var second = await Html.GetAsync(client, next);

        var firstLinks = first.QuerySelectorAll("li.hit h3 a").Select(a => a.GetAttribute("href")).ToHashSet();
        var secondLinks = second.QuerySelectorAll("li.hit h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(secondLinks);
        Assert.DoesNotContain(secondLinks, firstLinks.Contains);
        Assert.Equal("11", second.QuerySelector("ol.hits")!.GetAttribute("start"));
    }

    [Fact]
    public async Task WhenPaging_ShouldShowASingleHiddenPageAsItsNumberAndAnEllipsisOnlyForTwoOrMore()
    {
        // Six pages, as the reviewer's 怎样防止干部腐败 in 反腐倡廉 had: on page 2 the pager said 1 2 3 4 … 6, … for page 5 alone.
        var total = Html.Total(await Html.GetAsync(client, "/?group=0"));
        var limit = Enumerable.Range(1, SpeechArchive.Web.Pages.IndexModel.MaxPageSize).First(l => (total + l - 1) / l == 6);

        var shown = new List<string>();
        for (var page = 1; page <= 6; page++)
        {
            shown.Add(PagerText(await Html.GetAsync(client, $"/?group=0&limit={limit}&page={page}")));
        }

        // Pages 2 and 5 hid page 5 and page 2 behind …; the first and the last still hide two.
        Assert.Equal(["1 2 3 … 6", "1 2 3 4 5 6", "1 2 3 4 5 6", "1 2 3 4 5 6", "1 2 3 4 5 6", "1 … 4 5 6"], shown);
        var count = total; // one passage a page: an ellipsis on either side of the window, or on both
        Assert.True(count >= 9, $"{total} passages: too few pages for an ellipsis on both sides of a window");
        for (var page = 1; page <= count; page++)
        {
            var items = PagerText(await Html.GetAsync(client, $"/?group=0&limit=1&page={page}")).Split(' ');
            var numbers = items.Where(i => i != "…").Select(int.Parse).ToList();
            Assert.Equal(numbers.Order(), numbers);
            Assert.Superset(Enumerable.Range(page - 2, 5).Where(p => p >= 1 && p <= count).Append(1).Append(count).ToHashSet(), numbers.ToHashSet());
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] == "…")
                {
                    Assert.True(int.Parse(items[i + 1]) - int.Parse(items[i - 1]) > 2, $"page {page}: {string.Join(" ", items)} hides one page behind …");
                }
                else if (i > 0 && items[i - 1] != "…")
                {
                    Assert.Equal(int.Parse(items[i - 1]) + 1, int.Parse(items[i]));
                }
            }
        }
    }

    [Fact]
    public async Task WhenNothingMatches_ShouldSuggestWhatToTry()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("\"量子纠缠\" 火星") + "&year=2022");

        var advice = page.QuerySelector(".no-results")!;
        Assert.Equal(0, Html.Total(page));
        // Without the year the words still find nothing: 去掉全部筛选条件 would lead to another empty page.
        Assert.DoesNotContain(advice.QuerySelectorAll("a"), a => a.TextContent.Contains("去掉全部筛选条件", StringComparison.Ordinal));
        foreach (var link in advice.QuerySelectorAll("a.suggest"))
        {
            var suggested = await Html.GetAsync(client, link.GetAttribute("href")!);
            Assert.True(Html.Total(suggested) + suggested.QuerySelectorAll("li.hit").Length > 0, $"the advice proposes {link.TextContent}, which finds nothing");
        }

        Assert.DoesNotContain(advice.QuerySelectorAll("a.suggest"), a => a.TextContent == "火星"); // 火星 is in no speech
    }

    [Fact]
    public async Task WhenTwoFacetsLeaveNothing_ShouldOfferToClearThemWhereTheWordsFindPassages()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风") + "&year=1990&type=requirement");

        Assert.Equal(0, Html.Total(page));
        var clear = Assert.Single(page.QuerySelectorAll(".no-results a"), a => a.TextContent.Contains("去掉全部筛选条件", StringComparison.Ordinal));
        var followed = await Html.GetAsync(client, clear.GetAttribute("href")!);
        Assert.True(Html.Total(followed) > 0);
    }

    [Fact]
    public async Task WhenAFilterTypedIntoTheQueryLeavesNothing_ShouldOfferTheWordsWithoutIt()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风 year:1990"));

        Assert.Equal(0, Html.Total(page));
        var offer = Assert.Single(page.QuerySelectorAll(".no-results a.suggest"), a => a.TextContent == "作风");
        var followed = await Html.GetAsync(client, offer.GetAttribute("href")!);
        Assert.True(Html.Total(followed) > 0);
    }

    /// <summary>An archive in which every passage holding 以钉钉子精神 also holds 落实 (and none holds it in 1990: no speech is of that year).</summary>
    private static ArchiveFactory WithDingdingzi()
    {
        var archive = new ArchiveFactory();
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "2023-zhenggai-luoshi.md"),
            "---\ntitle: 在整改落实工作会议上的讲话\nyear: 2023\ndate: 2023-04-06\n---\n\n同志们：\n\n"
            + "我们要以钉钉子精神抓好整改落实，一件一件抓，一年接着一年干。\n\n各级干部要以钉钉子精神推动各项任务落实落地，确保取得实效。\n");
        return archive;
    }

    [Fact]
    public async Task WhenAnExclusionLeavesNothing_ShouldNameItAndLinkTheQueryWithoutItEscaped()
    {
        using var archive = WithDingdingzi();
        using var http = archive.CreateClient();

        var response = await http.GetStringAsync("/?near=0&q=" + Encode("以钉钉子精神 -落实 -<i>"));

        var page = Html.Parse(response);
        Assert.Equal(0, Html.Total(page));
        var item = Assert.Single(page.QuerySelectorAll(".no-results .emptied-by li"));
        Assert.StartsWith("排除“落实”后没有结果", item.TextContent, StringComparison.Ordinal);
        var link = Assert.Single(item.QuerySelectorAll("a.suggest"));
        Assert.Equal("以钉钉子精神 -<i>", link.TextContent); // the query's own text, shown as text
        Assert.Empty(page.QuerySelectorAll(".no-results i"));
        Assert.Contains("以钉钉子精神 -&lt;i&gt;", response, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll(".no-results a.suggest"), a => a.TextContent.Contains("子精神", StringComparison.Ordinal) && !a.TextContent.Contains("钉钉子", StringComparison.Ordinal));
        var followed = await Html.GetAsync(http, link.GetAttribute("href")!);
        Assert.Contains($"可找到 {Html.Total(followed)} 段", item.TextContent, StringComparison.Ordinal);
        Assert.True(Html.Total(followed) > 0);
    }

    [Theory]
    [InlineData("year=1990", "年份：1990年")]
    [InlineData("year=1990&year=1991", "年份：1990年、1991年")] // a field's values are one filter: named once, not offered again below
    public async Task WhenAFacetFilterLeavesNothing_ShouldNameItWithWhatTheQueryFindsWithoutIt(string filter, string label)
    {
        using var archive = WithDingdingzi();
        using var http = archive.CreateClient();

        var page = await Html.GetAsync(http, $"/?near=0&{filter}&q=" + Encode("以钉钉子精神"));

        Assert.Equal(0, Html.Total(page));
        var item = Assert.Single(page.QuerySelectorAll(".no-results .emptied-by li"));
        Assert.StartsWith($"筛选条件“{label}”下没有结果", item.TextContent, StringComparison.Ordinal);
        var followed = await Html.GetAsync(http, Assert.Single(item.QuerySelectorAll("a.suggest")).GetAttribute("href")!);
        Assert.True(Html.Total(followed) > 0);
        Assert.Contains($"可找到 {Html.Total(followed)} 段", item.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll(".no-results a"), a => a.TextContent.Contains("去掉全部筛选条件", StringComparison.Ordinal)); // the one filter: said once
        Assert.Null(page.QuerySelector(".summary .sort")); // nothing to sort or export
        Assert.Empty(page.QuerySelectorAll(".export"));
    }

    [Fact]
    public async Task WhenAYearFilterLiesOutsideTheArchivesYears_ShouldSayWhichYearsItHasAndOnlyThen()
    {
        using var archive = WithDingdingzi();
        using var http = archive.CreateClient();
        var all = await SearchAsync(http, "limit=0");
        var years = all.Facets.Year.Select(y => y.Value).Where(v => v != "unknown").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        var span = $"（本库讲话的年份为 {years.Min()}—{years.Max()}年）";

        var typed = await Html.GetAsync(http, "/?near=0&q=" + Encode("以钉钉子精神 year:3000"));
        var selected = await Html.GetAsync(http, "/?near=0&year=3000&q=" + Encode("以钉钉子精神"));
        var range = await Html.GetAsync(http, "/?near=0&q=" + Encode($"以钉钉子精神 year:{years.Max() + 1}..3000"));
        var inside = await Html.GetAsync(http, "/?near=0&q=" + Encode("以钉钉子精神 -以钉钉子精神 year:" + years.Min()));
        var reversed = await Html.GetAsync(http, "/?near=0&q=" + Encode($"以钉钉子精神 -以钉钉子精神 year:3000..{years.Max()}")); // searched as the years up to 3000
        var missingYear = years.Min() + 1 < years.Max() ? Enumerable.Range(years.Min(), years.Max() - years.Min()).FirstOrDefault(y => !years.Contains(y)) : 0;

        Assert.True(years.Min() < years.Max());
        Assert.StartsWith("检索式中的筛选条件“年份：3000年”下没有结果" + span + "；", Assert.Single(typed.QuerySelectorAll(".no-results .emptied-by li")).TextContent, StringComparison.Ordinal);
        Assert.StartsWith("筛选条件“年份：3000年”下没有结果" + span + "；", Assert.Single(selected.QuerySelectorAll(".no-results .emptied-by li")).TextContent, StringComparison.Ordinal);
        Assert.Contains(span, range.QuerySelector(".no-results")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Html.Total(inside));
        Assert.DoesNotContain("本库讲话的年份", inside.QuerySelector(".no-results")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Html.Total(reversed));
        Assert.DoesNotContain("本库讲话的年份", reversed.QuerySelector(".no-results")!.TextContent, StringComparison.Ordinal);
        if (missingYear > 0)
        {
            var gap = await Html.GetAsync(http, $"/?near=0&year={missingYear}&q=" + Encode("以钉钉子精神"));
            Assert.DoesNotContain("本库讲话的年份", gap.QuerySelector(".no-results")!.TextContent, StringComparison.Ordinal); // within the span: no such excuse
        }
    }

    [Fact]
    public async Task WhenAListIsFilteredWithoutWords_ShouldBeHeadedAndTitledByItsFiltersNotAsTheNewestSpeeches()
    {
        var page = await Html.GetAsync(client, "/?theme=integrity&year=2022");
        var home = await Html.GetAsync(client, "/");

        var labels = page.QuerySelectorAll(".chips .chip:not(.clear)").Select(a => a.TextContent.Replace("×", "", StringComparison.Ordinal).Trim()).ToList();
        Assert.Equal(2, labels.Count);
        Assert.Equal("讲话检索：" + string.Join("、", labels), page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(string.Join("、", labels), page.Title, StringComparison.Ordinal);
        Assert.Equal("讲话检索：最新讲话", home.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task WhenATypedYearIsNoYear_ShouldRefuseItWithAChipThatSaysSoAndRemovesIt()
    {
        var response = await client.GetAsync("/?q=" + Encode("year:abc 作风"));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var chip = Assert.Single(page.QuerySelectorAll(".chips .chip:not(.clear)"));
        Assert.StartsWith("年份：“abc”（不是年份）（检索框内）", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Html.Href(page, chip))).StatusCode);
    }

    [Fact]
    public async Task WhenASwitchHasAValueItCannotRead_ShouldSayWhichInsteadOfIgnoringIt()
    {
        var response = await client.GetAsync("/?q=" + Encode("作风") + "&group=yes");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("group=“yes”", page.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("(group must be", page.QuerySelector(".error span[lang=en]")!.TextContent, StringComparison.Ordinal); // the gloss read as English
        Assert.Equal("作风", page.QuerySelector("#q")!.GetAttribute("value")); // the form still shows what was asked
    }

    [Fact]
    public async Task WhenAQueryOfAFilterAloneFindsNothing_ShouldPointToTheFacetsNotToTypos()
    {
        using var archive = WithDingdingzi();
        using var http = archive.CreateClient();

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("year:1990"));
        var selected = await Html.GetAsync(http, "/?near=0&year=1990");
        var words = await Html.GetAsync(http, "/?near=0&q=" + Encode("以钉钉子精神 -以钉钉子精神"));

        Assert.Equal(0, Html.Total(page));
        foreach (var filtersAlone in new[] { page, selected })
        {
            var advice = filtersAlone.QuerySelector(".no-results")!.TextContent;
            Assert.Contains("没有段落满足这些筛选条件", advice, StringComparison.Ordinal);
            Assert.DoesNotContain("检查错别字", advice, StringComparison.Ordinal);
            Assert.DoesNotContain("只按检索词查找", advice, StringComparison.Ordinal); // there are no words to keep
        }

        Assert.Contains("检查错别字", words.QuerySelector(".no-results")!.TextContent, StringComparison.Ordinal); // a query of words still gets it
    }

    [Fact]
    public async Task WhenOnlyAnExclusionAndAFilterTogetherLeaveNothing_ShouldOfferTheWordsAlone()
    {
        using var archive = WithDingdingzi();
        using var http = archive.CreateClient();

        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode("以钉钉子精神 -落实 year:1990")); // without -落实 still 1990

        Assert.Equal(0, Html.Total(page));
        var item = Assert.Single(page.QuerySelectorAll(".no-results .emptied-by li"));
        Assert.StartsWith("排除词和筛选条件合起来使结果为空", item.TextContent, StringComparison.Ordinal);
        var link = Assert.Single(item.QuerySelectorAll("a.suggest"));
        Assert.Equal("以钉钉子精神", link.TextContent);
        var followed = await Html.GetAsync(http, link.GetAttribute("href")!);
        Assert.True(Html.Total(followed) > 0);
        Assert.Contains($"可找到 {Html.Total(followed)} 段", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAnExclusionLeavesNothing_TheApiShouldSayWhichWithTheCount()
    {
        using var archive = WithDingdingzi();
        using var http = archive.CreateClient();

        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/search?near=0&q=" + Encode("以钉钉子精神 -落实")));
        var without = await SearchAsync(http, "near=0&limit=0&q=" + Encode("以钉钉子精神"));

        var part = Assert.Single(json.RootElement.GetProperty("advice").GetProperty("emptiedBy").EnumerateArray().ToList());
        Assert.Equal("exclusion", part.GetProperty("kind").GetString());
        Assert.Equal("-落实", part.GetProperty("part").GetString());
        Assert.Equal("以钉钉子精神", part.GetProperty("query").GetString());
        Assert.Equal(without.Total, part.GetProperty("total").GetInt32());
        using var found = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/search?q=" + Encode("以钉钉子精神")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, found.RootElement.GetProperty("advice").ValueKind); // only when nothing is found
    }

    [Theory]
    [InlineData("（（", "只有标点")] // it used to list the whole archive, as if nothing were typed
    [InlineData("作风 -year:2022", "不能排除")] // it used to ignore the filter
    public async Task WhenTheQueryIsMalformed_ShouldAnswer400WithTheReason(string query, string reason)
    {
        using var response = await client.GetAsync("/?q=" + Encode(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, page.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("li.hit"));
    }

    [Fact]
    public async Task TheHomePage_ShouldFocusTheSearchBoxAndListTheNewestFirst()
    {
        var home = await Html.GetAsync(client, "/");
        var searched = await Html.GetAsync(client, "/?q=" + Encode("作风"));

        Assert.True(home.QuerySelector("input#q")!.HasAttribute("autofocus"));
        Assert.False(searched.QuerySelector("input#q")!.HasAttribute("autofocus"));
        Assert.Equal("最新", home.QuerySelector(".sort .current")!.TextContent);
        var years = home.QuerySelectorAll("li.hit .meta .date")
            .Select(d => int.Parse(d.TextContent.Trim()[..4], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(years);
        Assert.Equal(years.OrderByDescending(y => y), years);
        Assert.Equal("相关度", searched.QuerySelector(".sort .current")!.TextContent);
    }

    [Fact]
    public async Task APagePastTheEnd_ShouldSaySoAndLinkTheLastPage()
    {
        var page = await Html.GetAsync(client, "/?q=" + Encode("作风") + "&page=999");

        var message = page.QuerySelector(".past-end");
        Assert.NotNull(message);
        Assert.Contains("第 999 页", message.TextContent, StringComparison.Ordinal);
        var lastPage = await Html.FollowAsync(client, page, message.QuerySelector("a, button")!);
        Assert.NotEmpty(lastPage.QuerySelectorAll("li.hit"));
        Assert.Null(lastPage.QuerySelector(".past-end"));
    }

    [Fact]
    public async Task APagePastTheEnd_ShouldLinkItsPreviousPageToTheLastPage()
    {
        // A review: on page 999 of a few, 上一页 linked page 998, past the end too.
        var first = await Html.GetAsync(client, "/?group=0");
        var count = int.Parse(first.QuerySelectorAll("nav.pager > *").Where(e => e.GetAttribute("rel") is null).Last().TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var page = await Html.GetAsync(client, "/?group=0&page=999");
        Assert.True(count is > 1 and < 999, $"{count} pages");
        Assert.NotNull(page.QuerySelector(".past-end"));

        var before = await Html.FollowAsync(client, page, page.QuerySelector("nav.pager [rel=prev]")!);

        Assert.Null(before.QuerySelector(".past-end"));
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), before.QuerySelector("nav.pager [aria-current=page]")!.TextContent.Trim());
    }

    [Fact]
    public async Task SimilarWithoutAPassage_ShouldSayHowToChooseOne()
    {
        var page = await Html.GetAsync(client, "/similar");

        Assert.Contains("请先选定一段", page.QuerySelector(".no-results")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHelpPage_ShouldHaveEachHeadingOnceAndNoneEmpty()
    {
        var page = await Html.GetAsync(client, "/help");

        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(headings.Distinct().Count(), headings.Count);
        Assert.All(page.QuerySelectorAll("h2"), h => Assert.NotEqual("H2", h.NextElementSibling?.TagName));
    }

    [Fact]
    public async Task AFilterTypedIntoTheQuery_ShouldShowAsAChipThatTakesItOut()
    {
        var typed = await Html.GetAsync(client, "/?q=" + Encode("作风 year:2000..2022"));
        var plain = await Html.GetAsync(client, "/?q=" + Encode("作风"));

        var chip = Assert.Single(typed.QuerySelectorAll(".chips .chip:not(.clear)"));
        Assert.Contains("年份：2000–2022年", chip.TextContent, StringComparison.Ordinal);
        var untyped = await Html.FollowAsync(client, typed, chip);
        Assert.Equal("作风", untyped.QuerySelector("input#q")!.GetAttribute("value"));
        Assert.Empty(untyped.QuerySelectorAll(".chips .chip"));
        Assert.Equal(Html.Total(plain), Html.Total(untyped));
    }

    /// <summary>The pager's numbers and ellipses (not 上一页 or 下一页), space-separated.</summary>
    private static string PagerText(AngleSharp.Dom.IDocument page) =>
        string.Join(" ", page.QuerySelectorAll("nav.pager > *").Where(e => e.GetAttribute("rel") is null).Select(e => e.TextContent.Trim()));

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
