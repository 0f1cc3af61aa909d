using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>]; <paramref name="fallback"/> when absent; anything else is a 400.</summary>
internal sealed class IntegerParameter(string name, string description, int fallback, int minimum, int maximum) : QueryParameter<int>(name, description)
{
    public int Fallback { get; } = fallback;

    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;

    public override int Parse(StringValues values) => Parse(values.FirstOrDefault(), Name, Fallback, Minimum, Maximum);

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = Minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = Maximum.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(Fallback),
    };

    /// <summary>An integer in [min, max], or the fallback when absent; anything else throws <see cref="QuerySyntaxException"/>.</summary>
    public static int Parse(string? text, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new QuerySyntaxException($"参数 {name}=“{text}”无效，应为 {min} 到 {max} 之间的整数。({name} must be an integer from {min} to {max})");
        }

        return value;
    }
}
