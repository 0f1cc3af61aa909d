using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

public sealed class WritingApiTests : IDisposable
{
    private readonly ArchiveFactory app = new(withSeeds: true);
    private readonly HttpClient client;

    public WritingApiTests() => client = app.CreateClient();

    [Fact]
    public async Task WhenAskingForAConcordance_ShouldListEveryOccurrenceWithContext()
    {
        var result = await GetAsync<ConcordanceResult>("/api/concordance?q=" + Encode("全面从严治党") + "&limit=1000&context=10");

        Assert.True(result.Total > result.Passages, $"{result.Total} lines in {result.Passages} passages");
        Assert.Equal(result.Total, result.Lines.Count);
        Assert.All(result.Lines, l =>
        {
            Assert.Equal("全面从严治党", l.Hit);
            Assert.InRange(l.Left.Length, 0, 10);
        });
        Assert.Equal(result.Total, result.ByYear.Sum(y => y.Count));
    }

    [Fact]
    public async Task WhenSortingAConcordanceByDate_ShouldTakeEitherDirectionExplicitlyAndReadDateAsOldestFirst()
    {
        var url = "/api/concordance?q=" + Encode("全面从严治党") + "&limit=1000&sort=";
        var oldest = await GetAsync<ConcordanceResult>(url + "date-asc");
        var newest = await GetAsync<ConcordanceResult>(url + "date-desc");
        var alias = await GetAsync<ConcordanceResult>(url + "date");

        var keys = oldest.Lines.Select(Key).ToList();
        Assert.True(keys.Distinct().Count() > 1, "the seeds have several dates");
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        var later = newest.Lines.Select(Key).ToList();
        Assert.Equal(later.OrderDescending(StringComparer.Ordinal), later);
        Assert.Equal(oldest.Lines.Select(Row), alias.Lines.Select(Row));

        static string Row(ConcordanceLine l) => l.Source.PassageId + "|" + l.Left + l.Hit + l.Right;
        static string Key(ConcordanceLine l) => l.Source.Date ?? l.Source.Year?.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) ?? "9999";
    }

    [Fact]
    public async Task WhenAskingForAConcordanceAsCsv_ShouldSendUtf8WithABomAndACitationColumn()
    {
        using var response = await client.GetAsync("/api/concordance?q=" + Encode("全面从严治党") + "&format=csv&sort=left");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var json = await GetAsync<ConcordanceResult>("/api/concordance?q=" + Encode("全面从严治党") + "&limit=0");
        Assert.Equal("用例_全面从严治党.csv", response.Content.Headers.ContentDisposition!.FileNameStar);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("citation", rows[0].Split(','));
        Assert.Equal(json.Total + 1, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.Contains("《", r, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/concordance?q=%E4%BD%9C%E9%A3%8E&sort=sideways")]
    [InlineData("/api/concordance?q=%E4%BD%9C%E9%A3%8E&limit=-1")]
    [InlineData("/api/concordance?q=")]
    [InlineData("/api/variants?q=%E4%BD%9C%E9%A3%8E")]
    [InlineData("/api/variants?q=%E5%85%A8%E9%9D%A2%E4%BB%8E%E4%B8%A5&min=2")]
    [InlineData("/api/trends")]
    [InlineData("/api/related-terms?q=%28%28")]
    [InlineData("/api/neighbours?q=")]
    [InlineData("/api/neighbours?q=%E8%85%90%E8%B4%A5&limit=0")]
    [InlineData("/api/complete")]
    [InlineData("/api/complete?q=%E5%85%A8%E9%9D%A2&limit=21")]
    [InlineData("/api/complete?q=%E5%85%A8%E9%9D%A2&theme=nosuchtheme")]
    public async Task WhenAParameterIsWrong_ShouldAnswer400WithProblemDetails(string url)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.False(string.IsNullOrEmpty(problem!.Detail));
    }

    [Fact]
    public async Task WhenAskingForVariants_ShouldGroupTheWordingsWithTheExactOneFirst()
    {
        var result = await GetAsync<VariantResult>("/api/variants?q=" + Encode("全面从严治党永远在路上"));

        Assert.True(result.Variants[0].IsExact);
        Assert.Contains(result.Variants, v => v.Text == "全面从严治党一直在路上" && v.Count == 2); // also in 全面从严治党一直在路上，作风建设永远在路上
        Assert.DoesNotContain(result.Variants, v => v.Text.Contains('，', StringComparison.Ordinal));
        Assert.Equal(result.Occurrences, result.Variants.Sum(v => v.Count));
    }

    [Fact]
    public async Task WhenAskingForSimilarPassages_ShouldAnswerForAKnownPassageAnd404Otherwise()
    {
        var hit = (await SearchAsync(client, "q=" + Encode("八项规定"))).Hits[0];

        var result = await GetAsync<SimilarResult>($"/api/passages/{Encode(hit.PassageId)}/similar?limit=5");
        using var missing = await client.GetAsync("/api/passages/" + Encode("nowhere:9") + "/similar");

        Assert.Equal(hit.PassageId, result.Source.PassageId);
        Assert.InRange(result.Similar.Count, 1, 5);
        Assert.All(result.Similar, s => Assert.NotEqual(hit.SpeechId, s.Source.SpeechId));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WhenCheckingADraft_ShouldAnswerPerSentence()
    {
        using var response = await client.PostAsJsonAsync("/api/draft-check", new { text = "同志们，全面从严治党永远在路上，我们要坚持不懈。今天天气晴朗。" });
        var result = await ReadAsync<DraftCheckResult>(response);

        Assert.Equal(2, result.Sentences.Count);
        Assert.NotEmpty(result.Sentences[0].Precedents);
        Assert.Contains(result.Sentences[0].Runs, r => r.Text.Contains("全面从严治党永远在路上", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenADraftIsMarkdown_ShouldReadItAsMarkdownUnlessToldNot()
    {
        const string draft = "# 一、严肃问责\n\n要严肃考核问责，加大考核力度，以**刚性问责**推进党内政治生活的制度化、规范化。\n";
        using var read = await client.PostAsJsonAsync("/api/draft-check", new { text = draft });
        using var literal = await client.PostAsJsonAsync("/api/draft-check", new { text = draft, markdown = false });
        var asMarkdown = await ReadAsync<DraftCheckResult>(read);
        var asIs = await ReadAsync<DraftCheckResult>(literal);

        Assert.NotNull(asMarkdown.MarkdownText);
        Assert.DoesNotContain("**", asMarkdown.MarkdownText, StringComparison.Ordinal);
        Assert.All(asMarkdown.Sentences, s => Assert.Equal(s.Text, asMarkdown.MarkdownText![s.Start..s.End]));
        Assert.Null(asIs.MarkdownText);
        Assert.Contains(asIs.Sentences, s => s.Text.Contains("**", StringComparison.Ordinal));

        // Names masked with ** (as the archive's texts mask them), lines typed as a list and a rule of dashes are no Markdown:
        // the draft is checked as given, line by line, its masks kept.
        using var masked = await client.PostAsJsonAsync("/api/draft-check", new { text = "---\n一、总体要求\n- 张**同志要严肃考核问责，加大考核力度。\n* 李**同志要带头。" });
        var asGiven = await ReadAsync<DraftCheckResult>(masked);
        Assert.Null(asGiven.MarkdownText);
        Assert.Contains(asGiven.Sentences, s => s.Text.Contains("张**同志", StringComparison.Ordinal));
        Assert.Contains(asGiven.Sentences, s => s.Text.Contains("李**同志", StringComparison.Ordinal));
        Assert.Contains(asGiven.Sentences, s => s.Text == "一、总体要求");
    }

    [Fact]
    public async Task WhenADraftIsMissingOrTooLong_ShouldAnswer400()
    {
        using var tooLong = await client.PostAsJsonAsync("/api/draft-check", new { text = new string('党', DraftCheckRequest.MaxCharacters + 1) });
        using var empty = await client.PostAsJsonAsync("/api/draft-check", new { text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("10000", (await tooLong.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(11)]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task WhenADraftAsksForPrecedentsOutOfRange_ShouldAnswer400AsAnOutOfRangeLimitIs(int precedents)
    {
        // A product review: "precedents":1000 was taken and read as 10 without a word, where limit=1000 of the similar passages is a 400.
        using var response = await client.PostAsJsonAsync("/api/draft-check", new { text = "全面从严治党永远在路上。", precedents });
        using var limit = await client.GetAsync("/api/passages/x:1/similar?limit=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        var other = (await limit.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal((other.Status, other.Title), (problem.Status, problem.Title));
        Assert.Equal($"参数 precedents=“{precedents}”无效，应为 1 到 {SpeechArchive.Web.Api.WritingApi.MaxPrecedents} 之间的整数。(precedents must be an integer from 1 to {SpeechArchive.Web.Api.WritingApi.MaxPrecedents})", problem.Detail);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public async Task WhenADraftAsksForPrecedentsWithinRange_ShouldListAtMostThatMany(int precedents)
    {
        using var response = await client.PostAsJsonAsync("/api/draft-check", new { text = "同志们，全面从严治党永远在路上，我们要坚持不懈。", precedents });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ReadAsync<DraftCheckResult>(response);
        Assert.Contains(result.Sentences, s => s.Precedents.Count > 0);
        Assert.All(result.Sentences, s => Assert.InRange(s.Precedents.Count(p => p.Clause is null), 0, precedents));
    }

    [Fact]
    public async Task WhenAskingForRelatedTerms_ShouldListTermsBesidesTheQuery()
    {
        var result = await GetAsync<RelatedTermsResult>("/api/related-terms?q=" + Encode("作风建设") + "&limit=5");

        Assert.True(result.Foreground > 0);
        Assert.InRange(result.Terms.Count, 1, 5);
        Assert.All(result.Terms, t => Assert.DoesNotContain("作风建设", t.Term, StringComparison.Ordinal));
        Assert.InRange(result.NearInMeaning.Count, 1, 5);
        Assert.All(result.NearInMeaning, n => Assert.True(n.Passages > 0 && !n.Word.Contains("作风建设", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WhenAskingForCompletions_ShouldCompleteTheLastWordAsThePassagesGoOnMostSaidFirst()
    {
        var result = await GetAsync<CompletionResult>("/api/complete?q=" + Encode("作风 全面从严") + "&limit=5");
        var none = await GetAsync<CompletionResult>("/api/complete?q=" + Encode("作风 year:2022"));

        Assert.Equal("全面从严", result.Typed);
        Assert.InRange(result.Completions.Count, 2, 5);
        Assert.Equal(("作风 全面从严治党", CompletionKind.Word), (result.Completions[0].Query, result.Completions[0].Kind));
        var search = await GetAsync<SearchResult>("/api/search?q=" + Encode("\"全面从严治党\"") + "&limit=0&fold=0");
        Assert.Equal(search.Total, result.Completions[0].Passages); // every passage holding 全面从严 goes on 全面从严治党 in the seeds
        Assert.All(result.Completions, c => Assert.StartsWith("作风 全面从严治党", c.Query, StringComparison.Ordinal));
        Assert.Contains(result.Completions, c => c.Kind == CompletionKind.Clause && c.Passages >= 2);
        Assert.Empty(none.Completions);
    }

    [Fact]
    public async Task WhenAskingForAWordsNeighbours_ShouldSayHowItWasReadAndListOtherWordsByMeaning()
    {
        var result = await GetAsync<NeighboursResult>("/api/neighbours?q=" + Encode("腐败") + "&limit=5");

        Assert.Equal("腐败", result.Text);
        Assert.Equal(WordReading.OwnVector, Assert.Single(result.ReadAs).Source);
        Assert.InRange(result.Neighbours.Count, 1, 5);
        Assert.All(result.Neighbours, n => Assert.NotEqual("腐败", n.Word));
        Assert.Equal(result.Neighbours.OrderByDescending(n => n.Cosine).Select(n => n.Word), result.Neighbours.Select(n => n.Word));
    }

    [Fact]
    public async Task WhenAskingForTrends_ShouldGiveOneSeriesPerPhraseAndCsvBehindIt()
    {
        var trend = await GetAsync<TrendResult>("/api/trends?q=" + Encode("作风建设") + "&q=" + Encode("全面从严治党"));
        using var csv = await client.GetAsync("/api/trends?q=" + Encode("作风建设") + "&format=csv");
        var themes = await GetAsync<ThemeTrendResult>("/api/trends/themes");

        Assert.Equal(["作风建设", "全面从严治党"], trend.Series.Select(s => s.Phrase));
        Assert.All(trend.Series, s => Assert.Equal(trend.Years.Count, s.PerTenThousand.Count));
        Assert.Equal(trend.Years.Max() - trend.Years.Min() + 1, trend.Years.Count);
        Assert.StartsWith("year,characters,作风建设", Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]), StringComparison.Ordinal);
        Assert.Equal("趋势_作风建设.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(themes.Years.Count, themes.Passages.Count);
    }

    [Fact]
    public async Task WhenSearchingWithExpansionOrNearMatchesOff_ShouldSayWhatWasSearched()
    {
        var widened = await SearchAsync(client, "q=" + Encode("四风"));
        var narrow = await SearchAsync(client, "q=" + Encode("四风") + "&expand=0");
        var near = await SearchAsync(client, "q=" + Encode("以刚性问责推党内治生活的制度化") + "&mode=exact");
        var strict = await SearchAsync(client, "q=" + Encode("以刚性问责推党内治生活的制度化") + "&near=0&mode=exact");

        Assert.Contains(widened.Expansions, e => e.Term == "四风" && e.Alternatives.Contains("形式主义"));
        Assert.Empty(narrow.Expansions);
        Assert.True(near.NearTotal > 0);
        Assert.Equal(HitMatch.Near, near.Hits[0].Match);
        Assert.Equal(0, strict.NearTotal);
        Assert.Empty(strict.Hits);
    }

    [Fact]
    public async Task WhenReadingTheOpenApiDocument_ShouldListTheWritersEndpoints()
    {
        var doc = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/concordance", "/api/variants", "/api/passages/{id}/similar", "/api/draft-check", "/api/related-terms", "/api/neighbours", "/api/trends", "/api/trends/themes" })
        {
            Assert.Contains("\"" + path + "\"", doc, StringComparison.Ordinal);
        }
    }

    private async Task<T> GetAsync<T>(string url)
    {
        using var response = await client.GetAsync(url);
        return await ReadAsync<T>(response);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonDefaults.Options)!;
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
