using System.Net;
using SpeechArchive.Search;
using SpeechArchive.Tests;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// A query as long as the parser takes (1,000 characters), in Chinese, through the real server (Kestrel enforces the request
/// line's length; the test server does not): about 9 KB percent-encoded, which Kestrel's default 8 KB refused with a blank 414.
/// </summary>
public sealed class LongQueryTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("/?q=")]
    [InlineData("/api/search?q=")]
    public async Task AQueryOfTheLongestLengthInChinese_ShouldBeAnswered(string path)
    {
        using var app = WebAppProcess.Start(TestPaths.Speeches, folder.Combine("index"), token: null);
        await app.WaitUntilServingAsync(Wait);
        var query = string.Concat(Enumerable.Repeat("坚持全面从严治党，", QueryParser.MaxLength / 9)).PadRight(QueryParser.MaxLength, '党');

        using var response = await app.Client.GetAsync(path + Uri.EscapeDataString(query) + "&year=2023");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(path.Length + Uri.EscapeDataString(query).Length > 8 * 1024, "the request line is past Kestrel's default");
    }

    [Theory]
    [InlineData("/?q=")]
    [InlineData("/api/search?q=")]
    public async Task APastedPageFarPastTheLimit_ShouldBeToldTheLimitNotGivenABlankPage(string path)
    {
        // The user trial pasted 5,000 characters (45 KB percent-encoded): past the 32 KB line then taken, Kestrel answered a
        // blank 414 before the app could say what was wrong.
        using var app = WebAppProcess.Start(TestPaths.Speeches, folder.Combine("index"), token: null);
        await app.WaitUntilServingAsync(Wait);
        var query = string.Concat(Enumerable.Repeat("坚持全面从严治党，", 5_000 / 9));

        using var response = await app.Client.GetAsync(path + Uri.EscapeDataString(query));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("查询过长", body, StringComparison.Ordinal);
        Assert.Contains(QueryParser.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.True(Uri.EscapeDataString(query).Length > 32 * 1024, "the request line is past the limit taken before");
    }

    public void Dispose() => folder.Dispose();
}
