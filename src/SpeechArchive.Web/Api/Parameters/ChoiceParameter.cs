using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using SpeechArchive.Search;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>
/// One of a few words (<c>sort=date-desc</c>), each meaning a <typeparamref name="T"/>; the first when absent; any other word is
/// a 400. Several words may mean one thing (an older word kept for existing links): the first listed for a meaning is its
/// own word (<see cref="Canonical"/>), the one the UI's links write.
/// </summary>
internal sealed class ChoiceParameter<T>(string name, string description, params (string Word, T Meaning)[] choices) : QueryParameter<T>(name, description)
{
    public IReadOnlyList<string> Words { get; } = choices.Select(c => c.Word).ToList();

    /// <summary>The word the UI writes for <paramref name="word"/>'s meaning (date → date-desc); an unknown word or none as it is.</summary>
    public string? Canonical(string? word)
    {
        foreach (var (known, meaning) in choices)
        {
            if (known == word)
            {
                return WordOf(meaning);
            }
        }

        return word;
    }

    /// <summary>The first word listed for <paramref name="meaning"/>.</summary>
    public string WordOf(T meaning) =>
        choices.First(c => EqualityComparer<T>.Default.Equals(c.Meaning, meaning)).Word;

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
