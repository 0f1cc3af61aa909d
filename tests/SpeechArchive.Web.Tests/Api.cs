using System.Net.Http.Json;
using System.Text.Json;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Tests;

/// <summary>Calls the JSON API and reads the engine's types back.</summary>
internal static class Api
{
    public static async Task<SearchResult> SearchAsync(HttpClient client, string queryString)
    {
        using var response = await client.GetAsync("/api/search?" + queryString);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/api/search?{queryString} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<SearchResult>(body, JsonDefaults.Options)!;
    }

    public static async Task<SpeechView> SpeechAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<SpeechView>("/api/speeches/" + Uri.EscapeDataString(id), JsonDefaults.Options))!;

    public static string Encode(string text) => Uri.EscapeDataString(text);
}
