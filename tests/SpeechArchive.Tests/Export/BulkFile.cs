using System.Text;
using System.Text.Json;

namespace SpeechArchive.Tests.Export;

/// <summary>A bulk file read back strictly: UTF-8 without BOM, LF lines, a final newline, an action line before each document.</summary>
public static class BulkFile
{
    /// <summary>The (action, document) pairs of <paramref name="path"/>; fails the test on any deviation from the bulk format.</summary>
    public static List<(JsonElement Action, JsonElement Document)> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{path} starts with a BOM");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var lines = text[..^1].Split('\n');
        Assert.True(lines.Length % 2 == 0, $"{path}: {lines.Length} lines, not action/document pairs");
        var pairs = new List<(JsonElement, JsonElement)>();
        for (var i = 0; i < lines.Length; i += 2)
        {
            var action = JsonDocument.Parse(lines[i]).RootElement;
            var document = JsonDocument.Parse(lines[i + 1]).RootElement;
            Assert.Equal(JsonValueKind.Object, document.ValueKind);
            var index = Assert.Single(action.EnumerateObject());
            Assert.Equal("index", index.Name);
            Assert.Equal(["_id", "_index"], index.Value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            pairs.Add((action, document));
        }

        return pairs;
    }

    public static string Id(JsonElement action) => action.GetProperty("index").GetProperty("_id").GetString()!;

    public static string Index(JsonElement action) => action.GetProperty("index").GetProperty("_index").GetString()!;

    public static string? Text(JsonElement document, string name) =>
        document.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;

    public static List<string> Strings(JsonElement document, string name) =>
        [.. document.GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];
}
