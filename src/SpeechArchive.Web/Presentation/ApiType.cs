using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Presentation;

/// <summary>A schema in words for the API docs page (“整数，1 到 100，默认 10”), in parts so a named schema can link to its table.</summary>
internal sealed record ApiType(IReadOnlyList<ApiTypePart> Parts)
{
    public static ApiType Of(IOpenApiSchema? schema)
    {
        var parts = new List<ApiTypePart>();
        AppendKind(parts, schema);
        if (schema is OpenApiSchema own && Constraints(own) is { Length: > 0 } constraints)
        {
            parts.Add(new("；" + constraints));
        }

        return new(parts);
    }

    /// <summary>A parameter's type; a repeatable query parameter reads as its item type, repeatable, rather than as an array.</summary>
    public static ApiType OfParameter(IOpenApiParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.In != ParameterLocation.Query || parameter.Schema is not OpenApiSchema { Type: JsonSchemaType.Array } list)
        {
            return Of(parameter.Schema);
        }

        var parts = new List<ApiTypePart>(Of(list.Items).Parts) { new("，可重复") };
        if (list.MaxItems is { } most)
        {
            parts.Add(new($"至多 {most.ToString(CultureInfo.InvariantCulture)} 次"));
        }

        return new(parts);
    }

    public override string ToString() => string.Concat(Parts.Select(p => p.Text));

    private static void AppendKind(List<ApiTypePart> parts, IOpenApiSchema? schema)
    {
        switch (schema)
        {
            case null:
                parts.Add(new("任意"));
                return;
            case OpenApiSchemaReference { Reference.Id: { } id }:
                parts.Add(new(id, id));
                return;
        }

        var alternatives = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).ToList();
        var nullable = (schema.Type ?? 0).HasFlag(JsonSchemaType.Null) || alternatives.Any(IsNull);
        var kinds = alternatives.Count > 0
            ? alternatives.Where(a => !IsNull(a)).ToList()
            : Kinds(schema.Type ?? 0).Select(k => (IOpenApiSchema)new OpenApiSchema { Type = k, Format = schema.Format, Items = schema.Items, AdditionalProperties = schema.AdditionalProperties }).ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            if (i > 0)
            {
                parts.Add(new("或"));
            }

            if (alternatives.Count > 0)
            {
                AppendKind(parts, kinds[i]);
            }
            else
            {
                AppendSingle(parts, kinds[i]);
            }
        }

        if (kinds.Count == 0)
        {
            parts.Add(new(nullable ? "null" : "任意"));
        }
        else if (nullable)
        {
            parts.Add(new("，可为 null"));
        }
    }

    private static void AppendSingle(List<ApiTypePart> parts, IOpenApiSchema schema)
    {
        switch (schema.Type)
        {
            case JsonSchemaType.Array:
                parts.Add(new("数组，每项为 "));
                AppendKind(parts, schema.Items);
                break;
            case JsonSchemaType.Object when schema.AdditionalProperties is { } values:
                parts.Add(new("对象，各键的值为 "));
                AppendKind(parts, values);
                break;
            case JsonSchemaType.Object:
                parts.Add(new("对象"));
                break;
            case JsonSchemaType.String:
                parts.Add(new(schema.Format switch { "binary" => "文件", "date" => "日期（yyyy-MM-dd）", "date-time" => "日期时间", _ => "字符串" }));
                break;
            case JsonSchemaType.Integer:
                parts.Add(new("整数"));
                break;
            case JsonSchemaType.Number:
                parts.Add(new("数"));
                break;
            case JsonSchemaType.Boolean:
                parts.Add(new("true 或 false"));
                break;
        }
    }

    private static IEnumerable<JsonSchemaType> Kinds(JsonSchemaType type) =>
        new[] { JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean }
            .Where(k => type.HasFlag(k))
            .Where(k => k != JsonSchemaType.Number || !type.HasFlag(JsonSchemaType.Integer)); // "integer or number" reads as integer

    private static bool IsNull(IOpenApiSchema schema) => schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    private static string Constraints(OpenApiSchema schema)
    {
        var said = new List<string>();
        if (schema.Enum is { Count: > 0 } values)
        {
            said.Add("可选 " + string.Join("、", values.Select(Show)));
        }

        if (schema.Minimum is { } min && schema.Maximum is { } max)
        {
            said.Add($"{min} 到 {max}");
        }
        else if (schema.Minimum is { } least)
        {
            said.Add($"至少 {least}");
        }
        else if (schema.Maximum is { } most)
        {
            said.Add($"至多 {most}");
        }

        if (schema.MaxLength is { } length)
        {
            said.Add($"至多 {length.ToString(CultureInfo.InvariantCulture)} 个字符");
        }

        if (schema.MaxItems is { } items)
        {
            said.Add($"至多 {items.ToString(CultureInfo.InvariantCulture)} 个");
        }

        if (schema.Default is { } fallback)
        {
            said.Add("默认 " + Show(fallback));
        }

        return string.Join("，", said);
    }

    private static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
