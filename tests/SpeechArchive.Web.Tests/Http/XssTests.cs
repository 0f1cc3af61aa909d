using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// Markup in titles, metadata, bodies, file names, queries, filter values and upload names renders as inert text on every
/// page — results, facets, chips, the reader with its citations, the admin report and upload table — and in JSON.
/// </summary>
public sealed class XssTests : IDisposable
{
    private const string Img = "<img src=x onerror=alert(1)>";
    private const string Svg = "\"><svg onload=alert(2)>";
    private const string Script = "'><script>alert(3)</script>";
    private const string Payload = Img + Svg + Script;

    private readonly ArchiveFactory app;
    private readonly HttpClient client;

    public XssTests()
    {
        app = new ArchiveFactory();
        var yaml = (string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "2021-xss-meta.md"), $"""
            ---
            title: {yaml("在" + Payload + "会议上的讲话")}
            date: 2021-05-04
            speaker: {yaml("书记" + Img)}
            organization: {yaml("纪委" + Svg)}
            meeting: {yaml("全会" + Script)}
            source: {yaml("javascript:alert(4)")}
            tags: [{yaml(Img)}, 作风建设]
            ---

            ## 一、{Payload.Replace("<", "&lt;", StringComparison.Ordinal)}要加强作风建设

            同志们，要加强作风建设，严防“{Payload.Replace("<", "&lt;", StringComparison.Ordinal)}”一类风险。
            """);
        File.WriteAllText(Path.Combine(app.CorpusDirectory, "<img src=x onerror=alert(5)>.txt"), "关于" + Img + "的通报\n\n同志们：\n要加强作风建设，落实" + Payload + "要求。\n");
        File.WriteAllBytes(Path.Combine(app.CorpusDirectory, "<svg onload=alert(6)>.md"), []); // fails: its name shows in the admin report
        File.WriteAllBytes(Path.Combine(app.CorpusDirectory, "<b onmouseover=alert(7)>.txt"), Gb18030("在作风建设会议上的讲话\n\n同志们：\n要加强作风建设。\n")); // a warning names it
        client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task WhenResultsFacetsAndChipsShowMarkup_ShouldRenderItAsText()
    {
        var org = "纪委" + Svg;
        var urls = new[]
        {
            "/?q=" + Api.Encode("作风建设"),
            "/?q=" + Api.Encode(Payload),
            "/?q=" + Api.Encode("\"" + Img),
            "/?q=" + Api.Encode("作风建设") + "&org=" + Api.Encode(org) + "&speaker=" + Api.Encode(Img) + "&sort=" + Api.Encode(Script),
            "/?q=" + Api.Encode("作风建设") + "&org=" + Api.Encode(org),
            "/?theme=" + Api.Encode(Img),
        };

        foreach (var url in urls)
        {
            var page = await Html.GetAsync(client, url, HttpStatusCodeExpectation.Any);
            AssertInert(page, url);
        }

        var results = await Html.GetAsync(client, "/?q=" + Api.Encode("作风建设") + "&org=" + Api.Encode(org));
        Assert.Contains(Payload, results.QuerySelector(".hits")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(org, results.QuerySelector(".chips")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(results.QuerySelectorAll(".facet-value"), a => a.GetAttribute("data-value") == org);
    }

    [Fact]
    public async Task WhenTheReaderShowsMarkup_ShouldRenderItAsTextWithInertCitations()
    {
        var hits = (await Api.SearchAsync(client, "q=" + Api.Encode("作风建设") + "&limit=100")).Hits;
        var ids = hits.Where(h => h.Title.Contains(Img, StringComparison.Ordinal)).Select(h => h.SpeechId).Distinct().ToList();
        Assert.Equal(2, ids.Count);

        foreach (var id in ids)
        {
            foreach (var q in new[] { "作风建设", Payload, "\"" + Svg })
            {
                var url = $"/speeches/{Uri.EscapeDataString(id)}?q={Api.Encode(q)}";
                var page = await Html.GetAsync(client, url);
                AssertInert(page, url);
                Assert.Contains(Img, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            }
        }

        var meta = await Html.GetAsync(client, "/speeches/" + Uri.EscapeDataString(ids.Single(i => i.StartsWith("2021", StringComparison.Ordinal))));
        Assert.Contains("书记" + Img, meta.QuerySelector(".speech-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(meta.QuerySelectorAll(".badge.tag"), b => b.TextContent == Img);
        Assert.Contains(Payload, meta.QuerySelector("article.speech")!.GetAttribute("data-cite"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheAdminPageListsMarkedUpFileNames_ShouldRenderThemAsText()
    {
        await SignInAsync();
        var admin = await Html.GetAsync(client, "/admin");
        using (var reindex = await client.PostAsync("/admin?handler=Reindex", Form(admin.QuerySelector("#reindex form")!, new("rebuild", "false"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, reindex.StatusCode);
        }

        using var api = app.CreateAdminClient();
        await WaitForReindexAsync(api);
        var report = await Html.GetAsync(client, "/admin");
        var form = report.QuerySelector("#upload form")!;
        using var upload = Files(("<img src=x onerror=alert(8)>.md", Utf8(Speech("上传"))), ("<svg onload=alert(9)>.exe", Utf8("MZ")));
        upload.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        using var uploaded = await client.PostAsync(form.GetAttribute("action"), upload);
        var outcomes = await Html.GetAsync(client, uploaded.Headers.Location!.OriginalString); // post/redirect/get

        AssertInert(report, "/admin");
        AssertInert(outcomes, "/admin (upload)");
        Assert.Contains(report.QuerySelectorAll("table.failures td"), td => td.TextContent == "<svg onload=alert(6)>.md");
        Assert.Contains(report.QuerySelectorAll("ul.warnings li"), li => li.TextContent.StartsWith("<b onmouseover=alert(7)>.txt", StringComparison.Ordinal));
        Assert.Contains(outcomes.QuerySelectorAll("table.outcomes td"), td => td.TextContent == "<img src=x onerror=alert(8)>.md");
    }

    [Fact]
    public async Task WhenTheUploadsListShowsMarkedUpNamesAndTitles_ShouldRenderThemAndTheirDeleteFormsAsText()
    {
        // Uploads are stored under clean names; a file put into uploads/ by hand may be named anything the disk allows.
        const string name = "<img src=x onerror=alert(10)>&'\".md";
        var uploads = Path.Combine(app.CorpusDirectory, "uploads");
        Directory.CreateDirectory(uploads);
        File.WriteAllText(Path.Combine(uploads, name), "关于" + Payload + "的通报\n\n同志们：\n要加强作风建设。\n");
        using var api = app.CreateAdminClient();
        await JsonAsync(await api.PostAsync("/api/admin/reindex", null));
        await WaitForReindexAsync(api);
        await SignInAsync();

        var page = await Html.GetAsync(client, "/admin");

        AssertInert(page, "/admin (uploads)");
        var row = Assert.Single(page.QuerySelectorAll("#uploads tbody tr"));
        Assert.Equal(name, row.QuerySelector("td.file code")!.TextContent);
        var title = (await JsonAsync(await api.GetAsync("/api/admin/uploads")))[0].GetProperty("title").GetString();
        Assert.Equal("关于\">'>的通报", title); // what the reader left of the markup in the title: its tags and its script's contents dropped
        Assert.Equal(title, row.QuerySelector("a[href^='/speeches/']")!.TextContent);
        Assert.Equal("删除", row.QuerySelector("details.confirm summary .closed")!.TextContent);
        var form = row.QuerySelector("details.confirm form")!;
        Assert.Equal(name, form.QuerySelector("input[name=name]")!.GetAttribute("value"));
        Assert.Contains("uploads/" + name, form.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheApiEchoesMarkup_ShouldAnswerJsonThatBrowsersDoNotSniff()
    {
        foreach (var url in new[] { "/api/search?q=" + Api.Encode(Payload), "/api/search?q=" + Api.Encode("\"" + Img), "/api/speeches/" + Api.Encode(Img) })
        {
            using var response = await client.GetAsync(url);

            Assert.EndsWith("json", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task WhenAFormSentToAMarkedUpAddressIsRefusedForItsToken_ShouldLinkBackToTheAddressAsText()
    {
        // The page that says a form's token failed links back to where the form was sent: the address is the client's.
        var path = "/speeches/" + Uri.EscapeDataString(Img + Svg);

        using var response = await client.PostAsync(path, new FormUrlEncodedContent([new("q", Script)]));

        await FormRefusal.AssertExplainedAsync(response, path);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        AssertInert(page, "POST " + path);
        Assert.Empty(page.QuerySelectorAll("main svg"));
    }

    /// <summary>No event-handler attributes, no inline or foreign script, no injected media or frames, no javascript: links.</summary>
    private static void AssertInert(IDocument page, string where)
    {
        foreach (var element in page.All)
        {
            Assert.False(element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)), $"{where}: <{element.LocalName}> has an event handler: {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}");
            Assert.DoesNotContain(element.LocalName, new[] { "img", "iframe", "object", "embed", "frame" });
            foreach (var name in new[] { "href", "src", "action", "formaction" })
            {
                var value = element.GetAttribute(name)?.Trim();
                Assert.False(value is not null && value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{where}: {name}={value}");
            }
        }

        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("svg").Where(s => s.GetAttribute("aria-hidden") != "true"), s => Assert.Contains(s.GetAttribute("role"), new[] { "img", "group" })); // a chart, or a chart of links; a bar drawn in its labelled button is hidden
    }

    private async Task SignInAsync()
    {
        var login = await Html.GetAsync(client, "/admin/login");
        using var response = await client.PostAsync("/admin/login", Form(login.QuerySelector("form.login")!, new("token", ArchiveFactory.Token)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(IElement form, KeyValuePair<string, string> field) =>
        new([field, new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
