using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SpeechArchive.Web.Tests.Http;

public sealed class AdminPageTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public AdminPageTests() => client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task WhenNotSignedIn_ShouldRedirectToTheLoginForm()
    {
        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenSigningInWithTheRightToken_ShouldSetAStrictHttpOnlyCookieWithoutTheToken()
    {
        using var response = await SignInAsync(ArchiveFactory.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sa_admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ArchiveFactory.Token, cookie, StringComparison.Ordinal);
        var page = await Html.GetAsync(client, "/admin");
        Assert.NotNull(page.GetElementById("statistics"));
    }

    [Fact]
    public async Task WhenSigningInWithAWrongToken_ShouldRefuseAndSetNoCookie()
    {
        using var response = await SignInAsync("wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sa_admin=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task WhenPostingWithoutTheAntiforgeryToken_ShouldRefuse()
    {
        (await SignInAsync(ArchiveFactory.Token)).Dispose();

        using var response = await client.PostAsync("/admin?handler=Reindex", new FormUrlEncodedContent([new("rebuild", "false")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WhenUploadingThroughTheForm_ShouldListEachFilesOutcome()
    {
        (await SignInAsync(ArchiveFactory.Token)).Dispose();
        var page = await Html.GetAsync(client, "/admin");
        var form = page.QuerySelector("#upload form")!;
        using var content = Admin.Files(("good.md", Admin.Utf8(Admin.Speech("表单上传"))), ("bad.exe", Admin.Utf8("MZ")));
        content.Add(new StringContent(Antiforgery(form)), "__RequestVerificationToken");

        using var response = await client.PostAsync(form.GetAttribute("action"), content);
        var target = response.Headers.Location!.OriginalString;
        var result = await Html.GetAsync(client, target);
        var again = await Html.GetAsync(client, target); // a reload: the outcomes again, nothing posted twice

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin?upload=", target, StringComparison.Ordinal);
        Assert.Equal(2, again.QuerySelectorAll("table.outcomes tbody tr").Length);
        var rows = result.QuerySelectorAll("table.outcomes tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("接受", rows.Single(r => r.Children[0].TextContent == "good.md").TextContent, StringComparison.Ordinal);
        Assert.Contains("拒绝", rows.Single(r => r.Children[0].TextContent == "bad.exe").TextContent, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.CorpusDirectory, "uploads", "good.md")));
    }

    private async Task<HttpResponseMessage> SignInAsync(string token)
    {
        var login = await Html.GetAsync(client, "/admin/login");
        var form = login.QuerySelector("form.login")!;
        return await client.PostAsync("/admin/login", new FormUrlEncodedContent(
        [
            new("token", token),
            new("__RequestVerificationToken", Antiforgery(form)),
        ]));
    }

    private static string Antiforgery(IElement form) => form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
