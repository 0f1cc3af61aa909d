using System.Text.RegularExpressions;

namespace SpeechArchive.Classification;

/// <summary>The taxonomy's regexes, compiled once while reading and looked up by their source text.</summary>
internal sealed class CompiledPatterns
{
    private readonly Dictionary<string, Regex> regexes = new(StringComparer.Ordinal);

    public Regex this[string source] => regexes[source];

    public void Add(string source, Regex regex) => regexes.TryAdd(source, regex);
}
