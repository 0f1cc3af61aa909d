using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>A repeatable text (<c>year=2021&amp;year=2022</c>): every occurrence that is not blank, trimmed.</summary>
internal sealed class TextListParameter(string name, string description) : QueryParameter<IReadOnlyList<string>>(name, description)
{
    /// <summary>The most occurrences the reader accepts (more is a 400), or null.</summary>
    public int? MaxItems { get; init; }

    public override bool Repeatable => true;

    public override IReadOnlyList<string> Parse(StringValues values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema { Type = JsonSchemaType.String },
        MaxItems = MaxItems,
    };
}
