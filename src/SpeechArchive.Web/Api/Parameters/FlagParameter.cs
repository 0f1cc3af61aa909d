using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>
/// A switch: <c>1</c>, <c>true</c> or <c>on</c> turn it on, <c>0</c>, <c>false</c> or <c>off</c> off, absent or empty leaves
/// <paramref name="fallback"/>; anything else (<c>group=yes</c>) is a 400 naming the parameter, as a bad integer is, where
/// until the fifty-seventh session it was silently the fallback (a user trial's <c>group=yes</c> listed passages ungrouped).
/// A page that has already refused the request renders its form with <see cref="ParseOrFallback"/>.
/// </summary>
internal sealed class FlagParameter(string name, string description, bool fallback) : QueryParameter<bool>(name, description)
{
    public override bool Parse(StringValues values) => Value(values.FirstOrDefault())
        ?? throw new SpeechArchive.Search.QuerySyntaxException($"参数 {Name}=“{values.FirstOrDefault()}”无效，应为 1 或 0（也接受 true/false、on/off）。({Name} must be 1 or 0, true or false, on or off)");

    /// <summary>The switch's value, or the fallback for anything it cannot read (no error).</summary>
    public bool ParseOrFallback(string? value) => Value(value) ?? fallback;

    private bool? Value(string? value) => value?.ToLowerInvariant() switch // True, as .NET writes a bool, is true
    {
        null or "" => fallback,
        "1" or "true" or "on" => true,
        "0" or "false" or "off" => false,
        _ => null,
    };

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(fallback) };
}
