using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using SpeechArchive.Tests;

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
    public async Task WhenPostingWithoutTheAntiforgeryToken_ShouldRefuseWithAPageSayingToReloadTheForm()
    {
        // The framework answered an empty 400: the browser showed a blank page.
        (await SignInAsync(ArchiveFactory.Token)).Dispose();

        using var response = await client.PostAsync("/admin?handler=Reindex", new FormUrlEncodedContent([new("rebuild", "false")]));

        await FormRefusal.AssertExplainedAsync(response, "/admin");
        var status = await Admin.JsonAsync(await app.CreateAdminClient().GetAsync("/api/admin/status"));
        Assert.False(status.GetProperty("running").GetBoolean()); // nothing was started
    }

    [Fact]
    public async Task WhenSigningInWithATokenThatDoesNotMatchTheCookie_ShouldRefuseWithAPageSayingToReloadTheForm()
    {
        // A form opened in one browser (or before its cookie was replaced) and sent with another's antiforgery cookie.
        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var othersForm = (await Html.GetAsync(other, "/admin/login")).QuerySelector("form.login")!;
        await Html.GetAsync(client, "/admin/login"); // this client's own antiforgery cookie

        using var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(
        [
            new("token", ArchiveFactory.Token),
            new("__RequestVerificationToken", Antiforgery(othersForm)),
        ]));

        await FormRefusal.AssertExplainedAsync(response, "/admin/login");
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sa_admin=", StringComparison.Ordinal)));
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

    [Fact]
    public async Task WhenTheFormUploadsMoreThanTheLimit_ShouldGoBackToThePageSayingSoAndStoreNothing()
    {
        // On Kestrel, as a browser posts it: the request names its length, over the limit.
        using var kestrelApp = new ArchiveFactory();
        using var signedIn = await SignedInOnKestrelAsync(kestrelApp);
        var (browser, form) = (signedIn.Browser, signedIn.Form);
        using var content = Admin.Files(("a.txt", new byte[11 * 1024 * 1024]), ("b.txt", new byte[11 * 1024 * 1024]));
        content.Add(new StringContent(Antiforgery(form)), "__RequestVerificationToken");

        using var response = await browser.PostAsync(form.GetAttribute("action"), content);
        var page = await Html.GetAsync(browser, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("上传过大", page.QuerySelector("p.error[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(kestrelApp.CorpusDirectory, "uploads")));
    }

    [Fact]
    public async Task WhenTheFormUploadsMoreThanTheLimitWithoutSayingItsLength_ShouldGoBackToThePageSayingSoAndStoreNothing()
    {
        // On Kestrel, sent in chunks: the request names no length, so the limit is met only while the form is read.
        using var kestrelApp = new ArchiveFactory();
        using var signedIn = await SignedInOnKestrelAsync(kestrelApp);
        var (browser, form) = (signedIn.Browser, signedIn.Form);
        using var content = Admin.Files(("a.txt", new byte[11 * 1024 * 1024]), ("b.txt", new byte[11 * 1024 * 1024]));
        content.Add(new StringContent(Antiforgery(form)), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await browser.SendAsync(request);
        var page = await Html.GetAsync(browser, response.Headers.Location?.OriginalString ?? "/admin");

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("上传过大", page.QuerySelector("p.error[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(kestrelApp.CorpusDirectory, "uploads")));
    }

    [Fact]
    public async Task WhenTheFormUploadsWithinTheLimitWithoutSayingItsLength_ShouldStoreTheFile()
    {
        using var kestrelApp = new ArchiveFactory();
        using var signedIn = await SignedInOnKestrelAsync(kestrelApp);
        var (browser, form) = (signedIn.Browser, signedIn.Form);
        using var content = Admin.Files(("分块上传.md", Admin.Utf8(Admin.Speech("分块上传"))));
        content.Add(new StringContent(Antiforgery(form)), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin?upload=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(kestrelApp.CorpusDirectory, "uploads", "分块上传.md")));
    }

    [Fact]
    public async Task WhenDeletingThroughTheForm_ShouldRemoveTheFileSayWhatWasRemovedAndDropItsPassages()
    {
        using var api = app.CreateAdminClient();
        using (var upload = Admin.Files(("错传的讲话.md", Admin.Utf8(Admin.Speech("误传文件")))))
        {
            await Admin.JsonAsync(await api.PostAsync("/api/admin/upload?reindex=true", upload));
        }

        await Admin.WaitForReindexAsync(api);
        (await SignInAsync(ArchiveFactory.Token)).Dispose();
        var page = await Html.GetAsync(client, "/admin");
        var row = Assert.Single(page.QuerySelectorAll("#uploads tbody tr"));
        var form = row.QuerySelector("details.confirm form")!;

        using var response = await client.PostAsync(form.GetAttribute("action"), Fields(form));
        var target = response.Headers.Location!.OriginalString;
        var result = await Html.GetAsync(client, target);
        await Admin.WaitForReindexAsync(api);
        var reloaded = await Html.GetAsync(client, target);
        var search = await Api.SearchAsync(api, "q=" + Api.Encode("误传文件") + "&mode=exact&near=0&expand=0");

        Assert.Equal("错传的讲话.md", row.QuerySelector("td.file")!.TextContent);
        Assert.Contains("误传文件", row.QuerySelector("a[href^='/speeches/']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("删除", row.QuerySelector("details.confirm summary .closed")!.TextContent);
        Assert.Equal("确认删除", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin?upload=", target, StringComparison.Ordinal);
        var notice = result.QuerySelector("p.notice")!.TextContent;
        Assert.Contains("已删除 uploads/错传的讲话.md", notice, StringComparison.Ordinal);
        Assert.Contains("索引", notice, StringComparison.Ordinal); // 索引更新已开始, or 索引已更新 where the run was over already
        var after = reloaded.QuerySelector("p.notice")!.TextContent; // a reload once the run is over no longer says it is going on
        Assert.Contains("已删除 uploads/错传的讲话.md。索引已更新", after, StringComparison.Ordinal);
        Assert.DoesNotContain("完成前", after, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.CorpusDirectory, "uploads", "错传的讲话.md")));
        Assert.Empty(result.QuerySelectorAll("#uploads tbody tr"));
        Assert.Equal(0, search.Total);
    }

    [Fact]
    public async Task WhenAnUploadWarns_ShouldShowItsWarningsOpenAndTheCorpusOwnFolded()
    {
        // The user trial's case: an upload's one warning lay among the base corpus's 44, all folded under 提示 45 条.
        const string mismatch = "---\ntitle: {0}\nyear: 2020\ndate: 2021-03-01\n---\n\n同志们：\n要深入学习{0}工作要求。\n";
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "库内讲话.md"), string.Format(CultureInfo.InvariantCulture, mismatch, "库内讲话"));
        using var api = app.CreateAdminClient();
        using (var upload = Admin.Files(("上传讲话.md", Admin.Utf8(string.Format(CultureInfo.InvariantCulture, mismatch, "上传讲话")))))
        {
            await Admin.JsonAsync(await api.PostAsync("/api/admin/upload?reindex=true", upload));
        }

        await Admin.WaitForReindexAsync(api);
        (await SignInAsync(ArchiveFactory.Token)).Dispose();
        var report = (await Html.GetAsync(client, "/admin")).GetElementById("report")!;

        var open = report.QuerySelectorAll("ul.upload-warnings li").Select(li => li.TextContent).ToList();
        var folded = report.QuerySelectorAll("details ul.warnings li").Select(li => li.TextContent).ToList();
        Assert.Contains(open, w => w.StartsWith("uploads/上传讲话.md: ", StringComparison.Ordinal) && w.Contains("年份 2020", StringComparison.Ordinal));
        Assert.All(open, w => Assert.StartsWith("uploads/", w, StringComparison.Ordinal));
        Assert.Null(report.QuerySelector("ul.upload-warnings")!.Closest("details"));
        Assert.Contains(folded, w => w.StartsWith("库内讲话.md: ", StringComparison.Ordinal));
        Assert.DoesNotContain(folded, w => w.StartsWith("uploads/", StringComparison.Ordinal));
        Assert.StartsWith("其他文件的提示", report.QuerySelector("details summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAnUploadOrTheLastRunWarnsOrFails_ShouldMarkTheEnglishGlossesEnglish()
    {
        // A review found the 最近一次索引 card's glosses unmarked: (decoded as GB18030: not valid UTF-8) was read as Chinese
        // letters, as was the licence notice's gloss, which quotes the notice in Chinese.
        var licence = Path.Combine(FixturePaths.RepoRoot, "tests", "SpeechArchive.Tests", "Fixtures", "Documents", "licence-notice", "speech.txt");
        File.Copy(licence, Path.Combine(app.CorpusDirectory, "licence.txt"));
        File.WriteAllBytes(Path.Combine(app.CorpusDirectory, "empty.md"), []);
        (await SignInAsync(ArchiveFactory.Token)).Dispose();
        var form = (await Html.GetAsync(client, "/admin")).QuerySelector("#upload form")!;
        var gb18030 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        using var content = Admin.Files(("gbk.txt", gb18030.GetBytes(Admin.Speech("国标编码"))));
        content.Add(new StringContent(Antiforgery(form)), "__RequestVerificationToken");
        content.Add(new StringContent("true"), "reindex");

        using var response = await client.PostAsync(form.GetAttribute("action"), content);
        using (var api = app.CreateAdminClient())
        {
            await Admin.WaitForReindexAsync(api);
        }

        var outcome = (await Html.GetAsync(client, response.Headers.Location!.OriginalString)).QuerySelector("table.outcomes tbody tr")!;
        var report = (await Html.GetAsync(client, "/admin")).GetElementById("report")!;

        Assert.Equal("(decoded as GB18030: not valid UTF-8)", outcome.Children[2].QuerySelector("span[lang=en]")?.TextContent);
        Assert.EndsWith("(decoded as GB18030: not valid UTF-8)）", outcome.Children[2].TextContent, StringComparison.Ordinal);
        var gbk = report.QuerySelectorAll("ul.upload-warnings li").Single(li => li.TextContent.StartsWith("uploads/gbk.txt: ", StringComparison.Ordinal));
        Assert.Equal("(decoded as GB18030: not valid UTF-8)", gbk.QuerySelector("span[lang=en]")?.TextContent);
        var notice = report.QuerySelectorAll("details ul.warnings li").Single(li => li.TextContent.StartsWith("licence.txt: ", StringComparison.Ordinal));
        var gloss = notice.QuerySelector("span[lang=en]");
        Assert.NotNull(gloss);
        Assert.StartsWith("(licence notice at the end left out of the text", gloss.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(gloss.TextContent, notice.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("本作品来自", gloss.QuerySelector("span[lang=zh-CN]")?.TextContent, StringComparison.Ordinal); // the quoted notice read as Chinese
        var failure = report.QuerySelectorAll("table.failures tbody tr").Single(r => r.Children[0].TextContent == "empty.md");
        Assert.StartsWith("(empty file", failure.Children[1].QuerySelector("span[lang=en]")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../root-speech.md", "路径")]
    [InlineData("root-speech.md", "没有名为“root-speech.md”的文件")]
    public async Task WhenTheFormPostsANameThatIsNoUploads_ShouldDeleteNothingAndSaySo(string name, string said)
    {
        var root = Path.Combine(app.CorpusDirectory, "root-speech.md");
        var upload = Path.Combine(app.CorpusDirectory, "uploads", "victim.md");
        File.WriteAllText(root, Admin.Speech("语料自有"));
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        File.WriteAllText(upload, Admin.Speech("受害文件"));
        (await SignInAsync(ArchiveFactory.Token)).Dispose();
        var form = (await Html.GetAsync(client, "/admin")).QuerySelector("#uploads details.confirm form")!;

        using var response = await client.PostAsync(form.GetAttribute("action"), Fields(form, ("name", name)));
        var result = await Html.GetAsync(client, response.Headers.Location!.OriginalString);

        Assert.Contains(said, result.QuerySelector("p.error[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.True(File.Exists(root));
        Assert.True(File.Exists(upload));
        Assert.Single(result.QuerySelectorAll("#uploads tbody tr"));
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

    /// <summary>A browser-like client (cookies, no redirects followed) signed in to <paramref name="app"/> on Kestrel, and the admin page's upload form.</summary>
    private static async Task<SignedIn> SignedInOnKestrelAsync(ArchiveFactory app)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = app.StartKestrel(),
        };
        var login = (await Html.GetAsync(browser, "/admin/login")).QuerySelector("form.login")!;
        using (var signIn = await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new("token", ArchiveFactory.Token), new("__RequestVerificationToken", Antiforgery(login))])))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return new SignedIn(browser, (await Html.GetAsync(browser, "/admin")).QuerySelector("#upload form")!);
    }

    private sealed record SignedIn(HttpClient Browser, IElement Form) : IDisposable
    {
        public void Dispose() => Browser.Dispose();
    }

    /// <summary>The form's fields as the browser would post them (the antiforgery token among them), some replaced.</summary>
    private static FormUrlEncodedContent Fields(IElement form, params (string Name, string Value)[] replaced) =>
        new(form.QuerySelectorAll("input[name]")
            .Select(i => (Name: i.GetAttribute("name")!, Value: i.GetAttribute("value") ?? ""))
            .Select(f => replaced.FirstOrDefault(r => r.Name == f.Name) is { Name: not null } r ? r : f)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string Antiforgery(IElement form) => form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
