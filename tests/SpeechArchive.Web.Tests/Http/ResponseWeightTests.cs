using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>What a page weighs on the wire: Chinese written as text, HTML and JSON compressed.</summary>
public sealed class ResponseWeightTests : IDisposable
{
    private readonly ArchiveFactory app = new();

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url, string encoding)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);
        await using var raw = await response.Content.ReadAsStreamAsync();
        Stream body = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return (response, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("/?q=%E4%BD%9C%E9%A3%8E", "br")]
    [InlineData("/api/search?q=%E4%BD%9C%E9%A3%8E", "gzip")]
    [InlineData("/help", "gzip")]
    public async Task PagesAndJson_ShouldBeCompressedWhenTheClientAcceptsIt(string url, string encoding)
    {
        var (response, body) = await GetAsync(url, encoding);

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("作风", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseText_ShouldBeWrittenAsTextNotCharacterReferences()
    {
        var (_, body) = await GetAsync("/?q=%E4%BD%9C%E9%A3%8E", "identity");

        Assert.Contains("作风", body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x4F5C;", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("&#x[4-9][0-9A-F]{3};", body);
    }

    public void Dispose() => app.Dispose();
}
