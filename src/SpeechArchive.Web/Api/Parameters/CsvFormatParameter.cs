using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary><c>format=csv</c> (any case) asks for CSV instead of JSON; <c>json</c> or none means JSON; anything else is a 400.</summary>
internal sealed class CsvFormatParameter(string description) : QueryParameter<bool>("format", description)
{
    public const string MediaType = "text/csv";

    public override bool Parse(StringValues values) => values.FirstOrDefault() switch
    {
        null or "" => false,
        var text when text.Equals("csv", StringComparison.OrdinalIgnoreCase) => true,
        var text when text.Equals("json", StringComparison.OrdinalIgnoreCase) => false,
        var text => throw new QuerySyntaxException($"参数 format=“{text}”无效，可选 json、csv。(format must be json or csv)"),
    };

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [JsonValue.Create("json"), JsonValue.Create("csv")],
        Default = JsonValue.Create("json"),
    };
}
