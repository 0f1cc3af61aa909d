using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>A free text (a query, a phrase, a word): its first occurrence, trimmed; empty when absent.</summary>
internal sealed class TextParameter(string name, string description) : QueryParameter<string>(name, description)
{
    /// <summary>The longest text the reader accepts (longer is a 400), or null.</summary>
    public int? MaxLength { get; init; }

    public override string Parse(StringValues values) => values.FirstOrDefault()?.Trim() ?? "";

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, MaxLength = MaxLength };
}
