using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>One of a few words (<c>sort=date</c>), each meaning a <typeparamref name="T"/>; the first when absent; any other word is a 400.</summary>
internal sealed class ChoiceParameter<T>(string name, string description, params (string Word, T Meaning)[] choices) : QueryParameter<T>(name, description)
{
    public IReadOnlyList<string> Words { get; } = choices.Select(c => c.Word).ToList();

    public override T Parse(StringValues values)
    {
        var text = values.FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return choices[0].Meaning;
        }

        foreach (var (word, meaning) in choices)
        {
            if (word == text)
            {
                return meaning;
            }
        }

        throw new QuerySyntaxException($"参数 {Name}=“{text}”无效，可选 {string.Join("、", Words)}。({Name} must be one of {string.Join(", ", Words)})");
    }

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.String,
        Enum = Words.Select(w => (JsonNode)JsonValue.Create(w)).ToList(),
        Default = JsonValue.Create(Words[0]),
    };
}
