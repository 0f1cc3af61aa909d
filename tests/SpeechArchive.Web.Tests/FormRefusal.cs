using System.Net;

namespace SpeechArchive.Web.Tests;

/// <summary>What a form refused by the antiforgery check is answered with: 400 and a page that says why and what to do.</summary>
internal static class FormRefusal
{
    public const string Said = "页面已过期或表单校验失败，请刷新页面后重试";

    /// <summary>
    /// Asserts <paramref name="response"/> is that page: 400, HTML, the heading and advice in Chinese, and a link back to the
    /// form's page, <paramref name="formPage"/> (the path the form was sent to, escaped or not).
    /// </summary>
    public static async Task AssertExplainedAsync(HttpResponseMessage response, string formPage)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = Html.Parse(body);
        Assert.Equal("页面已过期", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains(Said, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var again = Assert.Single(page.QuerySelectorAll("main a"), a => a.TextContent == "重新打开表单");
        Assert.Equal(Uri.UnescapeDataString(formPage), Uri.UnescapeDataString(again.GetAttribute("href")!));
    }
}
