using Microsoft.OpenApi;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// The OpenAPI document as the API docs page (<c>/api/docs</c>) shows it: the operations grouped by tag, each with the
/// credentials it takes, its parameters, body and answers, and the named schemas they refer to. Drawn from the document
/// object that <c>/openapi/v1.json</c> serialises, so the page says what the document says.
/// </summary>
internal sealed class ApiReference
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Each credential the admin operations take, in words (“X-Admin-Token 头”), with its description.</summary>
    public required IReadOnlyList<(string Name, string? Description)> Credentials { get; init; }

    public required IReadOnlyList<ApiTagView> Groups { get; init; }

    public required IReadOnlyList<ApiSchemaView> Schemas { get; init; }

    public IEnumerable<ApiOperationView> Operations => Groups.SelectMany(g => g.Operations);

    public static ApiReference From(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        var operations = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(o => (Tag: o.Value.Tags?.FirstOrDefault()?.Name ?? "", View: Operation(path.Key, o.Key.Method, o.Value, document.Security, schemes))))
            .ToList();
        var tags = (document.Tags ?? new HashSet<OpenApiTag>()).Where(t => t.Name is not null).ToList();
        var groups = tags.Select(t => new ApiTagView(t.Name!, DisplayName(t), t.Description, operations.Where(o => o.Tag == t.Name).Select(o => o.View).ToList())).ToList();
        var untagged = operations.Where(o => tags.All(t => t.Name != o.Tag)).Select(o => o.View).ToList();
        if (untagged.Count > 0)
        {
            groups.Add(new ApiTagView("other", "其他", null, untagged));
        }

        return new ApiReference
        {
            Title = document.Info?.Title ?? "API",
            Description = document.Info?.Description,
            Credentials = schemes.Select(s => (Credential(s.Key, s.Value), s.Value.Description)).ToList(),
            Groups = groups.Where(g => g.Operations.Count > 0).ToList(),
            Schemas = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new ApiSchemaView(s.Key, SchemaAnchor(s.Key), ApiType.Of(s.Value), s.Value.Description, Properties(s.Value)))
                .ToList(),
        };
    }

    public static string SchemaAnchor(string name) => "schema-" + name;

    private static ApiOperationView Operation(string path, string method, OpenApiOperation operation, IList<OpenApiSecurityRequirement>? documentSecurity,
        IDictionary<string, IOpenApiSecurityScheme> schemes)
    {
        var requirements = operation.Security ?? documentSecurity ?? [];
        var credentials = requirements.Count == 0 || requirements.Any(r => r.Count == 0)
            ? []
            : requirements.SelectMany(r => r.Keys).Select(k => k.Reference.Id is { } id && schemes.TryGetValue(id, out var scheme) ? Credential(id, scheme) : k.Reference.Id ?? "").Distinct().ToList();
        return new ApiOperationView(
            method.ToUpperInvariant(),
            path,
            "op-" + (operation.OperationId ?? method + path.Replace('/', '-')),
            operation.Summary,
            operation.Description,
            credentials,
            (operation.Parameters ?? []).Select(p => new ApiField(p.Name ?? "", Location(p.In), ApiType.OfParameter(p), p.Required, p.Description)).ToList(),
            operation.RequestBody is { } body ? new ApiBodyView(body.Required, body.Description, Contents(body.Content)) : null,
            (operation.Responses ?? [])
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new ApiResponseView(r.Key, r.Value.Description, Headers(r.Value.Headers), Contents(r.Value.Content)))
                .ToList());
    }

    private static List<(string MediaType, ApiType Type)> Contents(IDictionary<string, OpenApiMediaType>? content) =>
        (content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => (c.Key, ApiType.Of(c.Value.Schema))).ToList();

    private static List<ApiField> Headers(IDictionary<string, IOpenApiHeader>? headers) =>
        (headers ?? new Dictionary<string, IOpenApiHeader>()).Select(h => new ApiField(h.Key, "响应头", ApiType.Of(h.Value.Schema), false, h.Value.Description)).ToList();

    private static List<ApiField> Properties(IOpenApiSchema schema) =>
        (schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Select(p => new ApiField(p.Key, null, ApiType.Of(p.Value), schema.Required?.Contains(p.Key) == true, p.Value.Description))
            .ToList();

    private static string? Location(ParameterLocation? where) => where switch
    {
        ParameterLocation.Query => "查询串",
        ParameterLocation.Path => "路径",
        ParameterLocation.Header => "请求头",
        ParameterLocation.Cookie => "cookie",
        _ => null,
    };

    private static string Credential(string id, IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header => scheme.Name + " 头",
        SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => "Authorization: Bearer 头",
        _ => id,
    };

    private static string DisplayName(OpenApiTag tag) =>
        tag.Extensions is { } extensions && extensions.TryGetValue(ApiDocumentation.DisplayName, out var value) && value is JsonNodeExtension { Node: { } name }
            ? name.ToString()
            : tag.Name ?? "";

}
