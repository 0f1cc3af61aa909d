using System.Net;
using System.Text;
using System.Text.Json;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>The JSON API answers every error as RFC 9457 problem details (<c>application/problem+json</c>); the pages keep their HTML errors.</summary>
public sealed class ProblemDetailsTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;
    private readonly HttpClient admin;

    public ProblemDetailsTests()
    {
        client = app.CreateClient();
        admin = app.CreateAdminClient();
    }

    [Theory]
    [InlineData("GET", "/api/search?q=%22", 400)]
    [InlineData("GET", "/api/search?limit=-1", 400)]
    [InlineData("GET", "/api/facets?theme=no-such-theme", 400)]
    [InlineData("GET", "/api/concordance?q=", 400)]
    [InlineData("GET", "/api/trends?format=xml&q=%E4%BD%9C%E9%A3%8E", 400)]
    [InlineData("GET", "/api/speeches/no-such-speech", 404)]
    [InlineData("GET", "/api/passages/no-such-passage/similar", 404)]
    [InlineData("GET", "/api/no-such-endpoint", 404)]
    [InlineData("DELETE", "/api/search", 405)]
    [InlineData("POST", "/api/draft-check", 415)]
    [InlineData("GET", "/api/admin/status", 401)]
    public async Task WhenTheApiAnswersAnError_ShouldServeProblemDetailsWithTypeTitleStatusAndDetail(string method, string url, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("text", Encoding.UTF8, "text/plain");
        }

        using var response = await client.SendAsync(request);

        AssertProblem(response, status, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/search?q=作风", "abc")]
    [InlineData("/api/search?q=作风", "0")]
    [InlineData("/api/search?q=作风", "99999")]
    [InlineData("/api/facets?q=作风", "abc")]
    [InlineData("/api/concordance?q=作风", "abc")]
    [InlineData("/api/variants?q=作风建设", "abc")]
    [InlineData("/api/trends?q=作风", "abc")]
    [InlineData("/api/trends/themes?q=作风", "abc")]
    [InlineData("/api/related-terms?q=作风", "abc")]
    public async Task WhenAYearParameterIsNoYear_ShouldNameTheParameterNotAColumnOfAQuery(string path, string year)
    {
        using var response = await client.GetAsync(path + "&year=" + year);
        var body = await response.Content.ReadAsStringAsync();

        AssertProblem(response, 400, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("请求有误 (bad request)", problem.GetProperty("title").GetString());
        Assert.Contains($"参数 year 的取值“{year}”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("列", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheBodyIsNotJson_ShouldSayItInChinese()
    {
        using var response = await client.PostAsync("/api/draft-check", new StringContent("{not json", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        AssertProblem(response, 400, body);
        Assert.Equal("请求有误 (bad request)", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WhenTheDraftIsTooLong_ShouldServeProblemDetails()
    {
        using var response = await client.PostAsync("/api/draft-check",
            new StringContent(JsonSerializer.Serialize(new { text = new string('要', 10_001) }), Encoding.UTF8, "application/json"));

        AssertProblem(response, 400, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenTheAdminApiAnswersAnError_ShouldServeProblemDetails()
    {
        using var noForm = await admin.PostAsync("/api/admin/upload", null);
        using var notMultipart = await admin.PostAsync("/api/admin/upload", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var missing = await admin.DeleteAsync("/api/admin/uploads/" + Uri.EscapeDataString("没有的文件.md"));
        using var badName = await admin.DeleteAsync("/api/admin/uploads/data.json");

        AssertProblem(noForm, 400, await noForm.Content.ReadAsStringAsync());
        AssertProblem(notMultipart, 415, await notMultipart.Content.ReadAsStringAsync());
        AssertProblem(missing, 404, await missing.Content.ReadAsStringAsync());
        AssertProblem(badName, 400, await badName.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenAdministrationIsOff_ShouldServeItsNotFoundAsProblemDetails()
    {
        using var off = new ArchiveFactory(adminToken: null);
        using var anonymous = off.CreateClient();

        using var response = await anonymous.GetAsync("/api/admin/status");

        AssertProblem(response, 404, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDocument_ShouldDeclareEveryErrorAnswerAsProblemJson()
    {
        using var doc = await OpenApiDocument.GetAsync(client);

        var errors = doc.Operations.SelectMany(o => o.Json.GetProperty("responses").EnumerateObject()
                .Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400 && r.Value.TryGetProperty("content", out _))
                .Select(r => (Where: $"{o.Method} {o.Path} {r.Name}", Types: r.Value.GetProperty("content").EnumerateObject().Select(c => c.Name).ToList())))
            .ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.True(e.Types is ["application/problem+json"], $"{e.Where}: {string.Join(", ", e.Types)}"));
    }

    [Fact]
    public async Task WhenAPageAnswersAnError_ShouldStayHtml()
    {
        using var response = await client.GetAsync("/?theme=no-such-theme");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    private static void AssertProblem(HttpResponseMessage response, int status, string body)
    {
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        foreach (var field in new[] { "type", "title", "detail" })
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty(field).GetString()), $"{field} in {body}");
        }

        // One reference for every problem's type, the framework's (tools.ietf.org) included: the status's section of RFC 9110.
        Assert.Equal("https://httpwg.org/specs/rfc9110.html#status." + status, problem.RootElement.GetProperty("type").GetString());

        // Every title says it in Chinese first, English in brackets (the framework's own are English alone).
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}.* \(.+\)$", problem.RootElement.GetProperty("title").GetString());
    }

    public void Dispose()
    {
        admin.Dispose();
        client.Dispose();
        app.Dispose();
    }
}
