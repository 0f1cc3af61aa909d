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

    /// <summary>The number in the "N 条结果" summary.</summary>
    public static int Total(IDocument page) => int.Parse(page.QuerySelector(".summary .count strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Whether <see cref="Html.GetAsync"/> asserts a success status.</summary>
internal enum HttpStatusCodeExpectation
{
    Success,
    Any,
}
