using System.Net;
using SpeechArchive.Search;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

public sealed class ReaderPageTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public ReaderPageTests() => client = app.CreateClient();

    [Fact]
    public async Task WhenOpenedFromAHit_ShouldMarkEveryHitAndAnchorThePassage()
    {
        var hit = (await SearchAsync(client, "q=" + Encode("警示教育"))).Hits[0];
        var page = await Html.GetAsync(client, $"/speeches/{Encode(hit.SpeechId)}?q={Encode("警示教育")}&expand=0"); // its thesaurus terms (以案促改) are marked too where expanded

        var marks = page.QuerySelectorAll(".text mark");
        Assert.All(marks, m => Assert.Equal("警示教育", m.TextContent));
        var speech = await SpeechAsync(client, hit.SpeechId);
        var expected = speech.Passages.Sum(p => CountOf(p.Text, "警示教育"));
        Assert.Equal(expected, page.QuerySelectorAll(".text .passage mark").Length);
        Assert.Equal(marks.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".hitbar")!.GetAttribute("data-hits"));
        foreach (var p in speech.Passages)
        {
            Assert.NotNull(page.GetElementById("p-" + (p.Ordinal + 1)));
        }
    }

    [Fact]
    public async Task WhenOpenedFromAHitThatSaysTheClauseNearlyAsTyped_ShouldMarkWhatItSaysWhole()
    {
        // 旗帜分明讲政治 (分 for 鲜): the search aligns it with 旗帜鲜明讲政治 (接近原文), and the reader marked only the words
        // inside it apart, 旗帜 and 明讲政治 (a user trial: 打铁 … 自身 for 打铁还须自身硬).
        const string typed = "旗帜分明讲政治";
        using var seeds = new ArchiveFactory(withSeeds: true);
        using var reader = seeds.CreateClient();
        var hit = (await SearchAsync(reader, "q=" + Encode(typed))).Hits.First(h => h.Match == HitMatch.Aligned);
        Assert.Contains("<mark>旗帜鲜明讲政治</mark>", hit.Snippet, StringComparison.Ordinal);

        var page = await Html.GetAsync(reader, $"/speeches/{Encode(hit.SpeechId)}?q={Encode(typed)}");

        var passages = page.QuerySelectorAll(".text .passage").Where(p => p.TextContent.Contains("旗帜鲜明讲政治", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Contains("旗帜鲜明讲政治", p.QuerySelectorAll("mark").Select(m => m.TextContent)));
    }

    [Fact]
    public async Task WhenOpenedFromAQuestionsHit_ShouldMarkTheWordsTheSearchRead()
    {
        const string question = "怎样防止干部腐败";
        var result = await SearchAsync(client, "q=" + Encode(question));
        var hit = result.Hits.First(h => h.Text.Contains("腐败", StringComparison.Ordinal));

        var page = await Html.GetAsync(client, $"/speeches/{Encode(hit.SpeechId)}?q={Encode(question)}");

        var marked = page.QuerySelectorAll(".text mark").Select(m => m.TextContent).ToHashSet();
        Assert.Contains("腐败", marked);
        Assert.DoesNotContain(question, marked); // the question is in no speech as typed: its words are what was searched
        Assert.DoesNotContain(marked, m => m.Length == 1);
        Assert.Contains("按词", page.QuerySelector(".hitbar")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("0", page.QuerySelector(".hitbar")!.GetAttribute("data-hits"));
    }

    [Fact]
    public async Task WhenAPassageHoldsOnlyOneWordOfTheClauseAndACharacterOfTheNext_ShouldNotMarkItAsSayingTheClause()
    {
        // 领导干部收入 for 领导干部收红包: 5 of 7 characters in order, which the search's near tier does not take (its hit marks
        // 领导干部 alone); the reader marked 领导干部收 whole, a review found.
        using var seeds = new ArchiveFactory(withSeeds: true);
        File.WriteAllText(Path.Combine(seeds.CorpusDirectory, "income.md"), "---\ntitle: 关于领导干部报告个人有关事项的讲话\ndate: 2020-05-01\n---\n\n" +
            "要认真落实领导干部收入、房产、投资等情况报告制度，如实填报。\n\n要加强领导干部队伍建设，提高能力素质。\n");
        File.WriteAllText(Path.Combine(seeds.CorpusDirectory, "gifts.md"), "---\ntitle: 在纪律教育会议上的讲话\ndate: 2021-05-01\n---\n\n" +
            "严禁领导干部借婚丧嫁娶收受红包礼金，对受贿行为坚决查处。\n\n要严明纪律，改进作风。\n");
        using var http = seeds.CreateClient();
        var hit = (await SearchAsync(http, "q=" + Encode("领导干部收红包") + "&limit=50")).Hits.Single(h => h.Text.Contains("领导干部收入", StringComparison.Ordinal));
        Assert.NotEqual(HitMatch.Aligned, hit.Match);

        var page = await Html.GetAsync(http, $"/speeches/{Encode(hit.SpeechId)}?q={Encode("领导干部收红包")}");

        var marks = page.QuerySelectorAll(".text .passage mark").Select(m => m.TextContent).ToList();
        Assert.Contains("领导干部", marks);
        Assert.DoesNotContain(marks, m => m.StartsWith("领导干部收", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("以人民为中心的发展理念")]
    [InlineData("作风建设 形式主义")]
    public async Task WhenTheSpeechAlsoHoldsTheQueryAsTyped_ShouldMarkEveryPassageTheSearchMarked(string query)
    {
        // A writers' trial: a speech holding the query as typed had its runs marked and nothing else, so the passages the
        // search counted for its words alone showed no mark in the reader.
        using var seeds = new ArchiveFactory(withSeeds: true);
        File.WriteAllText(Path.Combine(seeds.CorpusDirectory, "both.md"), "---\ntitle: 在民生工作会议上的讲话\ndate: 2022-03-01\n---\n\n" +
            "要坚持以人民为中心的发展理念，加强作风建设，把群众满意作为工作标准。\n\n要把以人民为中心落到实处，完整准确全面贯彻新发展理念。\n\n" +
            "驰而不息纠治“四风”，锤炼过硬作风，力戒官僚主义。\n");
        using var http = seeds.CreateClient();
        var result = await SearchAsync(http, "q=" + Encode(query) + "&near=0&fold=0&limit=100");
        var runs = query.Split(' ');
        var marked = result.Hits.Where(h => h.Snippet.Contains("<mark>", StringComparison.Ordinal)).GroupBy(h => h.SpeechId).ToList();
        Assert.NotNull(result.Reading);
        Assert.Contains(marked, g => g.Any(h => runs.Any(r => h.Text.Contains(r, StringComparison.Ordinal))) && g.Any(h => !runs.Any(r => h.Text.Contains(r, StringComparison.Ordinal))));

        foreach (var speech in marked)
        {
            var view = await SpeechAsync(http, speech.Key);
            var page = await Html.GetAsync(http, $"/speeches/{Encode(speech.Key)}?q={Encode(query)}");
            foreach (var hit in speech)
            {
                var passage = page.GetElementById("p-" + (view.Passages.Single(p => p.Id == hit.PassageId).Ordinal + 1))!;
                var marks = passage.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
                Assert.True(marks.Count > 0, $"{hit.PassageId} is marked in its snippet ({hit.Snippet}) but not in the reader");
                Assert.All(runs.Where(r => hit.Text.Contains(r, StringComparison.Ordinal)), r => Assert.Contains(marks, m => m.Contains(r, StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public async Task WhenOpenedFromAFilteredSortedLaterPage_ShouldLeadBackToThatPage()
    {
        using var many = new ArchiveFactory(syntheticSpeeches: 30);
        using var http = many.CreateClient();
        var first = await Html.GetAsync(http, "/?q=" + Encode("公款吃喝") + "&year=2010..2015&sort=date-asc&fold=0"); // the synthetic speeches repeat their paragraphs: each a hit
        var second = await Html.TargetAsync(http, first, first.QuerySelector("nav.pager .next")!);
        var page = await Html.GetAsync(http, second);
        var link = page.QuerySelector("li.hit h3 a")!.GetAttribute("href")!;

        var reader = await Html.GetAsync(http, link);
        var back = reader.QuerySelector("p.back a")!.GetAttribute("href")!;

        Assert.Contains("page=2", second, StringComparison.Ordinal);
        Assert.Equal(second, back);
        Assert.Contains("检索结果", reader.QuerySelector("p.back a")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenOpenedFromTheConcordance_ShouldLeadBackToIt()
    {
        var concordance = await Html.GetAsync(client, "/concordance?q=" + Encode("警示教育") + "&sort=right");
        var link = concordance.QuerySelector("a[href^='/speeches/']")!.GetAttribute("href")!;

        var reader = await Html.GetAsync(client, link);
        var back = reader.QuerySelector("p.back a")!;

        Assert.StartsWith("/concordance?", back.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("sort=right", back.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("用例", back.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("//example.org/?q=x")]
    [InlineData("/admin?x=1")]
    [InlineData("/\\example.org")]
    public async Task WhenTheBackLinkLeadsElsewhere_ShouldLeadToTheSearchInstead(string back)
    {
        var hit = (await SearchAsync(client, "q=" + Encode("警示教育"))).Hits[0];

        var reader = await Html.GetAsync(client, $"/speeches/{Encode(hit.SpeechId)}?q={Encode("警示教育")}&back={Encode(back)}");

        Assert.Equal("/?q=" + Encode("警示教育"), reader.QuerySelector("p.back a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WhenAFormulationWasRemovedOnTheSearchPage_ShouldNotMarkItAndLinkBackWithoutIt()
    {
        using var seeds = new ArchiveFactory(withSeeds: true);
        File.WriteAllText(Path.Combine(seeds.CorpusDirectory, "thesaurus.yaml"), "formulations:\n  警示教育: [用出事干部的例子提个醒]\n");
        using var http = seeds.CreateClient();
        const string description = "用出事干部的例子提个醒";
        var hit = (await SearchAsync(http, "q=" + Encode(description) + "&near=0&limit=50")).Hits.First(h => h.Match == "formulation");
        var reader = $"/speeches/{Encode(hit.SpeechId)}?q={Encode(description)}";

        var read = await Html.GetAsync(http, reader);
        var removed = await Html.GetAsync(http, reader + "&noform=" + Encode("警示教育"));
        var exact = await Html.GetAsync(http, reader + "&mode=exact");

        Assert.Contains("警示教育", read.QuerySelectorAll(".text mark").Select(m => m.TextContent));
        Assert.DoesNotContain("警示教育", removed.QuerySelectorAll(".text mark").Select(m => m.TextContent));
        Assert.Empty(exact.QuerySelectorAll(".text mark")); // exactly as typed, the description is in no speech
        Assert.Contains("noform=" + Encode("警示教育"), removed.QuerySelector("p.back a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("mode=exact", exact.QuerySelector("p.back a")!.GetAttribute("href"), StringComparison.Ordinal);

        // The search page's hits open the reader read as the page read the query.
        var page = await Html.GetAsync(http, "/?near=0&q=" + Encode(description) + "&noform=" + Encode("警示教育"));
        Assert.All(page.QuerySelectorAll("li.hit h3 a"), a => Assert.Contains("noform=警示教育", Uri.UnescapeDataString(a.GetAttribute("href")!), StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenAPassageWasFoundThroughAThesaurusTerm_ShouldMarkTheTermUnlessExpansionIsOff()
    {
        using var archive = new ArchiveFactory();
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "a.md"), "---\ntitle: 甲\ndate: 2021-01-10\n---\n\n深化国企改革三年行动。\n");
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "b.md"), "---\ntitle: 乙\ndate: 2022-01-10\n---\n\n国有企业改革要突出主业。\n");
        using var http = archive.CreateClient();
        var hit = (await SearchAsync(http, "q=" + Encode("国企改革") + "&near=0")).Hits.Single(h => h.Title == "乙");
        Assert.Equal(HitMatch.Expanded, hit.Match);

        foreach (var mode in new[] { "", "&mode=exact" })
        {
            var page = await Html.GetAsync(http, $"/speeches/{Encode(hit.SpeechId)}?q={Encode("国企改革")}{mode}");
            var narrow = await Html.GetAsync(http, $"/speeches/{Encode(hit.SpeechId)}?q={Encode("国企改革")}{mode}&expand=0");

            Assert.Equal(["国有企业改革"], page.QuerySelectorAll(".text mark").Select(m => m.TextContent));
            Assert.Empty(narrow.QuerySelectorAll(".text mark")); // searched as typed only: this speech does not hold it
        }
    }

    [Fact]
    public async Task WhenTheQueryHoldsAFilterValueNoLabelHas_ShouldStillShowTheSpeech()
    {
        // The reader applies no filters; reading the query as the search does refuses type:没有这种类型 (a property run found
        // the 500 it was).
        var id = (await SearchAsync(client, "limit=1")).Hits[0].SpeechId;

        using var response = await client.GetAsync($"/speeches/{Encode(id)}?q={Encode("type:没有这种类型 怎样防止干部腐败")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelectorAll(".text .passage"));
    }

    [Fact]
    public async Task WhenTheSpeechHasSections_ShouldShowHeadingsAndAnOutlineThatLinksToThem()
    {
        var id = (await SearchAsync(client, "q=" + Encode("警示教育"))).Hits[0].SpeechId;
        var speech = await SpeechAsync(client, id);
        Assert.NotEmpty(speech.Sections);

        var page = await Html.GetAsync(client, "/speeches/" + Encode(id));

        var toc = page.QuerySelectorAll("nav.toc a");
        Assert.Equal(speech.Sections.Count, toc.Length);
        foreach (var link in toc)
        {
            var target = page.GetElementById(link.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(target);
            Assert.Contains(target.TagName, new[] { "H2", "H3" });
            Assert.Equal(link.TextContent.Trim(), target.TextContent.Trim());
        }
    }

    [Fact]
    public async Task WhenShowingASpeech_ShouldCarryWhatItsCitationsNeed()
    {
        using var archive = new ArchiveFactory();
        File.WriteAllText(Path.Combine(archive.CorpusDirectory, "nested.md"),
            "---\ntitle: 在全局警示教育大会上的讲话\ndate: 2023-05-10\nspeaker: 局党委书记\n---\n\n同志们：\n\n" +
            "一、深化警示教育\n\n（一）用好身边案例\n\n要以案为鉴、以案促改，把警示教育抓在经常。\n\n" +
            "（二）抓好家风建设\n\n要教育引导党员干部廉洁齐家，筑牢家庭防线。\n\n二、压实责任\n\n各级党组织要把警示教育纳入年度计划。\n");
        using var http = archive.CreateClient();
        var id = (await SearchAsync(http, "q=" + Encode("全局警示教育大会") + "&limit=100")).Hits.Select(h => h.SpeechId).Distinct().Single(s => s.Contains("nested", StringComparison.Ordinal));
        var speech = await SpeechAsync(http, id);

        var page = await Html.GetAsync(http, "/speeches/" + Encode(id));

        var article = page.QuerySelector("article.speech")!;
        var cite = article.GetAttribute("data-cite")!;
        Assert.StartsWith("《" + speech.Title + "》", cite, StringComparison.Ordinal);
        Assert.Equal(id, article.GetAttribute("data-id"));
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", cite);
        Assert.Equal("《在全局警示教育大会上的讲话》，局党委书记，2023年5月10日", cite);

        var nested = speech.Sections.Where(s => s.Parent >= 0).ToList();
        Assert.NotEmpty(nested);
        foreach (var section in nested)
        {
            var heading = page.GetElementById("s-" + (section.Ordinal + 1))!;
            Assert.EndsWith(" › " + section.Heading, heading.GetAttribute("data-path"), StringComparison.Ordinal);
            Assert.Contains(speech.Passages, p => p.Section.StartsWith(heading.GetAttribute("data-path")!, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/speeches/no-such-speech")]
    [InlineData("/speeches/..%2F..%2Fetc%2Fpasswd")]
    public async Task WhenTheIdIsUnknown_ShouldAnswer404(string url)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int CountOf(string text, string word)
    {
        var n = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public async Task TheReader_ShouldNeverSkipAHeadingLevel()
    {
        using var nested = new ArchiveFactory();
        File.WriteAllText(Path.Combine(nested.CorpusDirectory, "nested.md"),
            "在作风建设推进会上的讲话\n\n同志们：\n\n### 强化理论武装\n\n要深入学习，严禁走过场。\n\n### 压实工作责任\n\n要层层压实责任。\n"); // headings of level 3 only
        using var nestedClient = nested.CreateClient();
        var id = (await SearchAsync(nestedClient, "q=" + Encode("压实工作责任"))).Hits[0].SpeechId;

        var page = await Html.GetAsync(nestedClient, "/speeches/" + Encode(id));

        var levels = page.QuerySelectorAll("h1, h2, h3, h4").Select(h => h.TagName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.Contains(2, levels);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} followed by h{pair.Second}"));
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
