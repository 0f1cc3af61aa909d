using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SpeechArchive.Classification;

internal static partial class TaxonomyReader
{
    // Generous: a compiled pattern's first match includes its JIT, which on a loaded machine can take a few hundred ms;
    // the limit is there to stop catastrophic backtracking in an administrator's pattern, not to race the JIT.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private static List<TaxonomyCue> ReadCues(YamlMappingNode entry, TaxonomyErrors errors, CompiledPatterns patterns)
    {
        var cues = new List<TaxonomyCue>();
        if (Find(entry, "terms") is { } terms)
        {
            ReadTerms(terms, errors, cues);
        }

        if (Find(entry, "patterns") is { } list)
        {
            ReadPatterns(list, errors, patterns, cues);
        }

        return cues;
    }

    private static void ReadTerms(YamlNode terms, TaxonomyErrors errors, List<TaxonomyCue> cues)
    {
        if (terms is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (terms is not YamlMappingNode mapping)
        {
            throw errors.At(terms, "terms must be a mapping of term to weight, e.g. { 严禁: 3, 不得: 2 }.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var raw = ReadString(keyNode, errors);
            var line = TaxonomyErrors.LineOf(keyNode);
            var kind = raw.StartsWith('^') ? TaxonomyCueKind.StartTerm : TaxonomyCueKind.Term;
            var text = TermText.Normalize(kind == TaxonomyCueKind.StartTerm ? raw[1..] : raw);
            if (text.Length == 0)
            {
                throw errors.At(keyNode, $"term '{raw}' is empty once quotes and spaces are removed.");
            }

            if (seen.TryGetValue(raw, out var firstLine))
            {
                throw errors.At(keyNode, $"duplicate term '{raw}' (first on line {firstLine}).");
            }

            seen[raw] = line;
            cues.Add(new TaxonomyCue(text, ReadWeight(valueNode, raw, errors), kind, line));
        }
    }

    private static void ReadPatterns(YamlNode list, TaxonomyErrors errors, CompiledPatterns patterns, List<TaxonomyCue> cues)
    {
        if (list is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (list is not YamlSequenceNode sequence)
        {
            throw errors.At(list, "patterns must be a list of { regex: '...', weight: n }.");
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                throw errors.At(item, "each pattern must be a mapping { regex: '...', weight: n }.");
            }

            CheckKeys(mapping, PatternKeys, "a pattern", errors);
            var regexNode = Find(mapping, "regex") ?? throw errors.At(mapping, "a pattern has no regex:.");
            var weightNode = Find(mapping, "weight") ?? throw errors.At(mapping, "a pattern has no weight:.");
            var source = ReadRegex(regexNode, errors, patterns);
            cues.Add(new TaxonomyCue(source, ReadWeight(weightNode, source, errors), TaxonomyCueKind.Pattern, TaxonomyErrors.LineOf(regexNode)));
        }
    }

    private static string ReadRegex(YamlNode node, TaxonomyErrors errors, CompiledPatterns patterns)
    {
        var source = ReadString(node, errors);
        if (source.Length == 0)
        {
            throw errors.At(node, "a regex is empty.");
        }

        try
        {
            patterns.Add(source, new Regex(source, RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout));
        }
        catch (ArgumentException e)
        {
            throw errors.At(node, $"bad regex '{source}': {e.Message}");
        }

        return source;
    }

    private static double ReadWeight(YamlNode node, string cue, TaxonomyErrors errors)
    {
        if (node is YamlScalarNode scalar && TryParseNumber(scalar.Value, out var weight))
        {
            return weight;
        }

        throw errors.At(node, $"weight of '{cue}' is not a number: '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'.");
    }
}
