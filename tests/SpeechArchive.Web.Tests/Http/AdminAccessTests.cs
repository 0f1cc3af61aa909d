using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>Every admin endpoint refuses without the token, the token never reaches a log, and failed attempts are throttled.</summary>
public sealed class AdminAccessTests : IDisposable
{
    private readonly LogCapture logs = new();
    private readonly ArchiveFactory app;

    public AdminAccessTests() => app = new ArchiveFactory(logging: logs.Configure);

    /// <summary>Every route under /api/admin with its methods, read from the app's own endpoint table (so a new endpoint is covered too).</summary>
    private List<(string Method, string Path)> AdminApiEndpoints()
    {
        using var warmUp = app.CreateClient();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();
    }

    [Fact]
    public async Task WhenNoTokenOrAWrongOneIsSent_ShouldRefuseEveryAdminEndpointAndDoNothing()
    {
        var endpoints = AdminApiEndpoints();
        using var client = app.CreateClient();
        var before = await Api.SearchAsync(client, "limit=0");

        Assert.True(endpoints.Count >= 4, "found only " + string.Join(", ", endpoints));
        foreach (var (method, path) in endpoints)
        {
            using var none = await client.SendAsync(Request(method, path));
            Assert.True(none.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a token: {(int)none.StatusCode}");
            Assert.Equal("请用 Authorization: Bearer <token> 或 X-Admin-Token 头提供管理令牌。(give the admin token as Authorization: Bearer <token> or X-Admin-Token)", await DetailAsync(none));
        }

        var wrong = 0;
        foreach (var (method, path) in endpoints)
        {
            using var request = Request(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-" + ArchiveFactory.Token);
            using var answer = await client.SendAsync(request);
            var expected = ++wrong <= 5 ? HttpStatusCode.Forbidden : HttpStatusCode.TooManyRequests; // five failures, then refused
            Assert.True(answer.StatusCode == expected, $"{method} {path} with a wrong token: {(int)answer.StatusCode}");
            Assert.Equal(expected == HttpStatusCode.Forbidden ? "管理令牌不正确。(the admin token is wrong)" : "失败次数过多，请一分钟后再试。(too many failed attempts: try again in a minute)", await DetailAsync(answer));
        }

        await Task.Delay(300); // a reindex wrongly started would have committed a new generation by now
        var after = await Api.SearchAsync(client, "limit=0");
        Assert.Equal(before.Total, after.Total);
        Assert.False(Directory.Exists(Path.Combine(app.CorpusDirectory, "uploads")));
    }

    [Theory]
    [InlineData("GET", "/api/admin/no-such-thing", null)]
    [InlineData("DELETE", "/api/admin/status", null)]
    [InlineData("POST", "/api/admin/upload", "text/plain")]
    [InlineData("POST", "/api/admin/upload", "application/json")]
    [InlineData("PUT", "/api/admin/reindex", "application/x-www-form-urlencoded")]
    public async Task WhenAnAnonymousRequestIsOddInAnyOtherWay_ShouldStillAnswer401First(string method, string path, string? contentType)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent("x", System.Text.Encoding.UTF8, contentType);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/admin")]
    [InlineData("POST", "/admin?handler=Reindex")]
    [InlineData("POST", "/admin?handler=Upload")]
    [InlineData("POST", "/admin?handler=Delete")]
    [InlineData("POST", "/admin/login?handler=Logout")]
    public async Task WhenAnAdminPageIsRequestedWithoutSigningIn_ShouldNotServeIt(string method, string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var forged = Request(method, url);
        forged.Headers.Add("Cookie", "sa_admin=" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await client.SendAsync(Request(method, url));
        using var withForgedCookie = await client.SendAsync(forged);

        foreach (var answer in new[] { response, withForgedCookie })
        {
            var refused = answer.StatusCode == HttpStatusCode.BadRequest // antiforgery: no form token
                || (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.StartsWith("/admin/login", StringComparison.Ordinal))
                || (url.Contains("Logout", StringComparison.Ordinal) && answer.StatusCode == HttpStatusCode.Redirect);
            Assert.True(refused, $"{method} {url}: {(int)answer.StatusCode} {answer.Headers.Location}");
        }

        using var admin = app.CreateAdminClient();
        Assert.False((await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task WhenSignedInByCookie_ShouldStillNeedTheTokenToChangeAnything()
    {
        var kept = Path.Combine(app.CorpusDirectory, "uploads", "kept.md");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.WriteAllText(kept, Speech("留下"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, ArchiveFactory.Token);

        using var status = await client.GetAsync("/api/admin/status");
        using var reindex = await client.PostAsync("/api/admin/reindex", null);
        using var upload = await client.PostAsync("/api/admin/upload", Files(("x.md", Utf8(Speech("跨站")))));
        using var delete = await client.DeleteAsync("/api/admin/uploads/kept.md");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reindex.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public async Task WhenTheLoginFormFailsFiveTimes_ShouldRefuseEvenTheRightTokenWith429()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(client, "guess-" + i, expect: HttpStatusCode.Unauthorized);
        }

        using var right = await SignInAsync(client, ArchiveFactory.Token, expect: HttpStatusCode.TooManyRequests);

        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sa_admin=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task WhenTheTokenIsUsedRightAndWrong_ShouldNeverAppearInAnyLogOrPage()
    {
        var wrongTokens = Enumerable.Range(0, 7).Select(i => $"wrong-token-{i}-c0ffee").ToList();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var pages = new List<string>();
        using (var bearer = app.CreateAdminClient())
        {
            using var form = Files(("日志.md", Utf8(Speech("日志检查"))));
            await JsonAsync(await bearer.PostAsync("/api/admin/upload?reindex=true", form));
            await WaitForReindexAsync(bearer);
            await JsonAsync(await bearer.GetAsync("/api/admin/statistics"));
        }

        using (var header = app.CreateClient())
        {
            header.DefaultRequestHeaders.Add("X-Admin-Token", ArchiveFactory.Token);
            await JsonAsync(await header.GetAsync("/api/admin/status"));
        }

        pages.Add(await (await SignInAsync(client, ArchiveFactory.Token)).Content.ReadAsStringAsync());
        pages.Add(await client.GetStringAsync("/admin"));
        using (var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            using var failedLogin = await SignInAsync(other, wrongTokens[0], expect: HttpStatusCode.Unauthorized);
            pages.Add(await failedLogin.Content.ReadAsStringAsync());
        }

        foreach (var wrong in wrongTokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wrong);
            using var response = await client.SendAsync(request);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level <= LogLevel.Debug);
        Assert.Contains(logs.Entries, e => e.Text.Contains("Failed admin sign-in", StringComparison.Ordinal));
        foreach (var secret in wrongTokens.Prepend(ArchiveFactory.Token))
        {
            var leaks = logs.Entries.Where(e => e.Text.Contains(secret, StringComparison.Ordinal)).Select(e => $"{e.Category} {e.Level}: {e.Text}").ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' was logged:\n{string.Join("\n", leaks.Take(3))}");
            Assert.DoesNotContain(pages, p => p.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "GET" ? null : new StringContent(""),
    };

    /// <summary>A refusal's detail: Chinese first, then an English gloss in parentheses.</summary>
    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, HttpStatusCode? expect = HttpStatusCode.Redirect)
    {
        var login = await Html.GetAsync(client, "/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(
        [
            new("token", token),
            new("__RequestVerificationToken", Antiforgery(login.QuerySelector("form.login")!)),
        ]));
        if (expect is not null)
        {
            Assert.Equal(expect, response.StatusCode);
        }

        return response;
    }

    private static string Antiforgery(IElement form) => form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public void Dispose()
    {
        app.Dispose();
        logs.Dispose();
    }
}
