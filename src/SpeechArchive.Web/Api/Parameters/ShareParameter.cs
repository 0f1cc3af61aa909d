using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>A share in [0, 1] (<c>min=0.7</c>); <paramref name="fallback"/> when absent; anything else is a 400.</summary>
internal sealed class ShareParameter(string name, string description, double fallback) : QueryParameter<double>(name, description)
{
    public override double Parse(StringValues values)
    {
        var text = values.FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1 || double.IsNaN(value))
        {
            throw new QuerySyntaxException($"参数 {Name}=“{text}”无效，应为 0 到 1 之间的小数。({Name} must be a number from 0 to 1)");
        }

        return value;
    }

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Number,
        Format = "double",
        Minimum = "0",
        Maximum = "1",
        Default = JsonValue.Create(fallback),
    };
}
