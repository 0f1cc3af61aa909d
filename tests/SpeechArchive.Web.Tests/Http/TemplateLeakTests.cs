using System.Text.RegularExpressions;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// No page prints its template's code. Razor reads a letter, <c>@</c> and a letter as an e-mail address (<c>个词@if (…)</c>)
/// and prints what follows as text, braces and all, and the condition's markup with it; the fifty-fifth session's reading
/// line did so on every free-text search. Each page is fetched in the states that take its conditional markup.
/// </summary>
public sealed partial class TemplateLeakTests : IDisposable
{
    private readonly ArchiveFactory app = new(withSeeds: true);
    private readonly HttpClient client;

    public TemplateLeakTests() => client = app.CreateClient();

    [Fact]
    public async Task NoPage_ShouldPrintItsTemplatesCode()
    {
        var passage = (await SearchAsync(client, "q=" + Encode("全面从严治党") + "&limit=1")).Hits[0];
        var urls = new[]
        {
            "/", "/?q=" + Encode("怎样防止干部腐败"), "/?q=" + Encode("全面从严治党"), "/?mode=exact&q=" + Encode("全面从严治党"),
            "/?q=" + Encode("老百姓买房难"), "/?q=" + Encode("干部 -腐败 year:2020..2024"), "/?q=" + Encode("没有这样的说法啊啊"),
            "/?q=" + Encode("腐败") + "&year=3000", "/?theme=integrity&group=1", "/?q=" + Encode("\"未闭合"),
            "/speeches/" + Uri.EscapeDataString(passage.SpeechId) + "?q=" + Encode("全面从严治党"),
            "/similar?p=" + Uri.EscapeDataString(passage.PassageId), "/variants?q=" + Encode("全面从严治党永远在路上"),
            "/concordance?q=" + Encode("从严治党"), "/trends?q=" + Encode("作风建设") + "&q=" + Encode("反腐败"), "/draft",
            "/related?q=" + Encode("腐败"), "/help", "/admin/login",
        };

        foreach (var url in urls)
        {
            var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            var text = Html.Parse(body).Body!.TextContent;
            Assert.False(RazorCode().IsMatch(text), $"{url} prints template code: {RazorCode().Match(text).Value}");
        }
    }

    [GeneratedRegex(@"@(if|else|foreach|for|switch|while|Model|string|Html|await|\(|\{)\b?|\}\s*else\b")]
    private static partial Regex RazorCode();

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
