using System.Net;
using System.Text;
using SpeechArchive.Search;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// A pasted paragraph of nearly 1,000 characters as the query, on the real server. In a user trial a 986-character paragraph
/// made a results page of 0.96 MB: the query, 9 KB percent-encoded, was in every facet value, filter chip, reading chip, year
/// bar, sort and page link, and twice in every result's link (once more inside its way back). The page carries it once for
/// all of those (they are buttons of one form) and once in each result's link, and each still leads where it did.
/// </summary>
public sealed class LongQueryPageTests : IDisposable
{
    /// <summary>What the search page for the pasted paragraph may weigh: 90 KB here, 917 KB before.</summary>
    private const int MostBytes = 160_000;

    private readonly ArchiveFactory app = new(withSeeds: true);
    private readonly HttpClient client;
    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public LongQueryPageTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        this.output = output;
        client = new HttpClient { BaseAddress = app.StartKestrel() };
    }

    /// <summary>Passages of a seed speech run together, as long as the parser takes: a paragraph pasted from a speech.</summary>
    internal static async Task<string> PastedParagraphAsync(HttpClient client)
    {
        var hit = (await SearchAsync(client, "q=" + Encode("全面从严治党") + "&limit=1")).Hits[0];
        var text = new StringBuilder();
        foreach (var passage in (await SpeechAsync(client, hit.SpeechId)).Passages.Where(p => !p.Text.Contains('"', StringComparison.Ordinal)))
        {
            text.Append(passage.Text[..Math.Min(passage.Text.Length, QueryParser.MaxLength - text.Length)]);
            if (text.Length >= QueryParser.MaxLength - 20)
            {
                break;
            }
        }

        Assert.True(text.Length > 900, $"a paragraph of {text.Length} characters");
        return text.ToString();
    }

    /// <summary>The page <paramref name="control"/> leads to, and its address after the redirect a button's form gets.</summary>
    private async Task<(AngleSharp.Dom.IDocument Page, string Url)> FollowAsync(AngleSharp.Dom.IDocument page, AngleSharp.Dom.IElement control)
    {
        using var response = await client.GetAsync(Html.Href(page, control));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        return (Html.Parse(body), response.RequestMessage!.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task APastedParagraph_ShouldMakeAPageOfAFractionOfItsFormerWeight()
    {
        var q = await PastedParagraphAsync(client);

        var html = await client.GetStringAsync("/?q=" + Encode(q));

        var page = Html.Parse(html);
        var bytes = Encoding.UTF8.GetByteCount(html);
        Assert.True(Html.Total(page) > 0, "the paragraph finds its passages");
        Assert.NotEmpty(page.QuerySelectorAll(".facet-value"));
        Assert.NotEmpty(page.QuerySelectorAll(".understanding.reading .remove-word"));
        Assert.All(page.QuerySelectorAll(".facet-value, .year-bar, .remove-word"), c => Assert.Equal("button", c.LocalName)); // the query once, not in each
        Assert.Empty(page.QuerySelectorAll(".sort a, .pager a, .chips a"));
        output.WriteLine($"{q.Length} characters: a page of {bytes:N0} bytes");
        Assert.True(bytes < MostBytes, $"the page weighs {bytes:N0} bytes");
        Assert.DoesNotContain(Encode(q[..30]), html, StringComparison.Ordinal); // not percent-encoded anywhere: 9 bytes a character
        Assert.All(page.QuerySelectorAll("li.hit a"), a => Assert.True(a.GetAttribute("href")!.Length < q.Length + 300, "a result's link carries the query once"));
    }

    [Fact]
    public async Task AYearOfAPastedParagraph_ShouldDrillDownAndItsChipTakeItOffAgain()
    {
        var q = await PastedParagraphAsync(client);
        var page = await Html.GetAsync(client, "/?q=" + Encode(q));
        var year = page.QuerySelectorAll(".facet-value[data-facet=year]")[0];
        var value = year.GetAttribute("data-value")!;

        var (filtered, url) = await FollowAsync(page, year);
        var chip = Assert.Single(filtered.QuerySelectorAll(".chips .chip:not(.clear)"));
        var (unfiltered, _) = await FollowAsync(filtered, chip);

        // The address the link carried, bookmarkable: the query and the year, read back as the server reads them (the * of
        // the ** a speech masks a name with may be written as it is or as %2A: both mean it).
        Assert.StartsWith("/?", url, StringComparison.Ordinal);
        var carried = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url[1..]);
        Assert.Equal(["q", "year"], carried.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(q, carried["q"].Single());
        Assert.Equal(value, carried["year"].Single());
        Assert.Equal(q, filtered.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal([value], filtered.QuerySelectorAll(".facet-value.selected[data-facet=year]").Select(b => b.GetAttribute("data-value")));
        Assert.Equal(int.Parse(year.QuerySelector(".n")!.TextContent, System.Globalization.CultureInfo.InvariantCulture), Html.Total(filtered));
        Assert.Contains("年份：" + value, chip.TextContent, StringComparison.Ordinal);
        Assert.Empty(unfiltered.QuerySelectorAll(".chips"));
        Assert.Equal(q, unfiltered.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal(Html.Total(page), Html.Total(unfiltered));
    }

    [Fact]
    public async Task AWordOfAPastedParagraph_ShouldBeTakenOutByItsChip()
    {
        var q = await PastedParagraphAsync(client);
        var page = await Html.GetAsync(client, "/?q=" + Encode(q));
        var chip = page.QuerySelectorAll(".understanding.reading .word-chip:not(.formulation)")[0];
        var word = chip.QuerySelector("b")!.TextContent;

        var (removed, _) = await FollowAsync(page, chip.QuerySelector(".remove-word")!);

        var rest = removed.QuerySelector("#q")!.GetAttribute("value")!;
        Assert.True(Count(rest, word) < Count(q, word), $"{word} taken out of the query");
        Assert.DoesNotContain(word, removed.QuerySelectorAll(".understanding.reading .word-chip b").Select(b => b.TextContent));

        static int Count(string text, string word) => (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;
    }

    [Fact]
    public async Task AResultOfAPastedParagraph_ShouldLeadBackToTheFilteredSortedPageItWasOn()
    {
        var q = await PastedParagraphAsync(client);
        var page = await Html.GetAsync(client, "/?q=" + Encode(q));
        var (filtered, _) = await FollowAsync(page, page.QuerySelectorAll(".facet-value[data-facet=year]")[0]);
        var (sorted, url) = await FollowAsync(filtered, filtered.QuerySelectorAll(".sort a, .sort button").Single(b => b.TextContent == "最早"));

        var link = sorted.QuerySelector("li.hit h3 a")!.GetAttribute("href")!;
        var reader = await Html.GetAsync(client, link);

        Assert.Contains("sort=date-asc", url, StringComparison.Ordinal);
        Assert.Contains("year=", url, StringComparison.Ordinal);
        Assert.StartsWith("/speeches/", link, StringComparison.Ordinal);
        Assert.Equal(url, reader.QuerySelector("p.back a")!.GetAttribute("href"));
        Assert.NotEmpty(reader.QuerySelectorAll("mark"));
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("//example.com/")]
    [InlineData("/admin")]
    [InlineData("/?qedit=nonsense")]
    public async Task AButtonValueNamingNoPageOfTheSearch_ShouldBeRefused(string to)
    {
        using var response = await client.GetAsync("/?q=" + Encode("作风建设") + "&to=" + Encode(to));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("参数 to", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
