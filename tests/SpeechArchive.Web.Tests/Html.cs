using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SpeechArchive.Web.Tests;

/// <summary>Fetches pages and parses them with AngleSharp.</summary>
internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> GetAsync(HttpClient client, string url, HttpStatusCodeExpectation expect = HttpStatusCodeExpectation.Success)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (expect == HttpStatusCodeExpectation.Success)
        {
            Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }

        return Parse(body);
    }

    /// <summary>
    /// Where a control of <paramref name="page"/> leads, as a browser asks for it: a link's <c>href</c>, or, for a button of a form
    /// (the search page's links that carry its query once), that form sent with it: its fields, then the button's name and value.
    /// </summary>
    public static string Href(IDocument page, IElement control)
    {
        if (control.LocalName == "a")
        {
            return control.GetAttribute("href")!;
        }

        var form = control.GetAttribute("form") is { } id ? page.GetElementById(id)! : control.Closest("form")!;
        var fields = form.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string?>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        if (control.GetAttribute("name") is { } name)
        {
            fields = fields.Append(new(name, control.GetAttribute("value") ?? ""));
        }

        var query = Microsoft.AspNetCore.Http.QueryString.Create(fields).ToString();
        return (form.GetAttribute("action") ?? "") + query;
    }

    /// <summary>
    /// Where a control of <paramref name="page"/> leads in the end, as the server answers it: the address it asks for
    /// (<see cref="Href"/>) fetched through the real server, which redirects a button of the search page's form to the whole
    /// address; the answer must be a success. The address of that answer, path and query, as sent.
    /// </summary>
    public static async Task<string> TargetAsync(HttpClient client, IDocument page, IElement control)
    {
        using var response = await client.GetAsync(Href(page, control));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{control.OuterHtml[..Math.Min(control.OuterHtml.Length, 200)]} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        return response.RequestMessage!.RequestUri!.PathAndQuery;
    }

    /// <summary>The page <paramref name="control"/> of <paramref name="page"/> leads to (a redirect followed).</summary>
    public static Task<IDocument> FollowAsync(HttpClient client, IDocument page, IElement control) => GetAsync(client, Href(page, control));

    /// <summary>The number in the "N 条结果" summary.</summary>
    public static int Total(IDocument page) => int.Parse(page.QuerySelector(".summary .count strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Whether <see cref="Html.GetAsync"/> asserts a success status.</summary>
internal enum HttpStatusCodeExpectation
{
    Success,
    Any,
}
