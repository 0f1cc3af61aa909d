using System.Text.Json;

namespace SpeechArchive.Web.Tests;

/// <summary>The app's OpenAPI document (<c>/openapi/v1.json</c>) read as JSON, with its operations listed.</summary>
internal sealed class OpenApiDocument(JsonDocument json) : IDisposable
{
    public JsonElement Root => json.RootElement;

    public IReadOnlyList<OpenApiOperation> Operations =>
        Root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => new OpenApiOperation(path.Name, op.Name.ToUpperInvariant(), op.Value)))
            .ToList();

    public static async Task<OpenApiDocument> GetAsync(HttpClient client) =>
        new(JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")));

    public OpenApiOperation Operation(string method, string path) => Assert.Single(Operations, o => o.Method == method && o.Path == path);

    public void Dispose() => json.Dispose();
}

/// <summary>One operation of the document: its parameters by name, its answers, its security requirements.</summary>
internal sealed record OpenApiOperation(string Path, string Method, JsonElement Json)
{
    public string? Id => Json.TryGetProperty("operationId", out var id) ? id.GetString() : null;

    public IReadOnlyList<JsonElement> Parameters =>
        Json.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];

    public IReadOnlyList<JsonElement> QueryParameters => Parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();

    public IReadOnlyList<string> ParameterNames => Parameters.Select(p => p.GetProperty("name").GetString()!).ToList();

    public IReadOnlyList<string> Responses => Json.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();

    /// <summary>Each security requirement as the names of the schemes it asks for (none: anyone may call).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Security =>
        Json.TryGetProperty("security", out var list) ? list.EnumerateArray().Select(r => (IReadOnlyList<string>)r.EnumerateObject().Select(s => s.Name).ToList()).ToList() : [];

    public JsonElement Parameter(string name) => Assert.Single(Parameters, p => p.GetProperty("name").GetString() == name);

    public override string ToString() => Method + " " + Path;
}
