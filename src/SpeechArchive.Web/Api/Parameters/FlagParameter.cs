using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>A switch: <c>1</c>, <c>true</c> or <c>on</c> turn it on, <c>0</c>, <c>false</c> or <c>off</c> off; absent or anything else leaves <paramref name="fallback"/>.</summary>
internal sealed class FlagParameter(string name, string description, bool fallback) : QueryParameter<bool>(name, description)
{
    public override bool Parse(StringValues values) => values.FirstOrDefault() switch
    {
        "1" or "true" or "on" => true,
        "0" or "false" or "off" => false,
        _ => fallback,
    };

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(fallback) };
}
