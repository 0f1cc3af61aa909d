using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpeechArchive.Classification;

/// <summary>
/// A draft text classified for the <c>classify</c> command: every sentence (headings, title and salutation included)
/// with its directive type and reasons, every passage with its themes and reasons, and the theme shares.
/// </summary>
public sealed record ClassifiedText(
    IReadOnlyList<ClassifiedSentence> Sentences,
    IReadOnlyList<ClassifiedPassage> Passages,
    IReadOnlyDictionary<string, double> ThemeShares)
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    /// <summary>The result as JSON (camelCase, Chinese left unescaped).</summary>
    public string ToJson(bool indented = true) => JsonSerializer.Serialize(this, indented ? Indented : Compact);
}
