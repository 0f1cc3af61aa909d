using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SpeechArchive.Classification;

internal static partial class TaxonomyReader
{
    private static readonly string[] LabelKeys = ["id", "label", "description", "terms", "patterns"];
    private static readonly string[] DirectiveKeys = ["id", "label", "description", "themeWeight", "terms", "patterns"];
    private static readonly string[] ContextKeys = ["id", "label", "description", "favours", "bonus", "minPosition", "terms", "patterns"];
    private static readonly string[] PatternKeys = ["regex", "weight"];

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex IdShape();

    private static List<(TaxonomyLabel Label, int Line)> ReadLabels(YamlMappingNode root, string key, TaxonomyErrors errors, CompiledPatterns patterns)
    {
        var result = new List<(TaxonomyLabel Label, int Line)>();
        if (Find(root, key) is not { } node)
        {
            return result;
        }

        foreach (var entry in Entries(node, key, errors))
        {
            var directive = key == "directiveTypes";
            CheckKeys(entry, directive ? DirectiveKeys : LabelKeys, $"an entry of {key}", errors);
            var (id, label) = ReadIdAndLabel(entry, key, errors);
            var line = TaxonomyErrors.LineOf(entry);
            CheckUnique(result.Select(r => (r.Label.Id, r.Label.Label, r.Line)), id, label, key, line, errors);
            var description = Find(entry, "description") is { } d ? ReadString(d, errors) : "";
            var themeWeight = directive && Find(entry, "themeWeight") is { } w ? ReadNumber(w, errors) : 1;
            result.Add((new TaxonomyLabel(id, label, description, ReadCues(entry, errors, patterns)) { ThemeWeight = themeWeight }, line));
        }

        return result;
    }

    private static List<TaxonomyContext> ReadContexts(
        YamlMappingNode root, List<(TaxonomyLabel Label, int Line)> directives, TaxonomyErrors errors, CompiledPatterns patterns)
    {
        var result = new List<(TaxonomyContext Context, int Line)>();
        if (Find(root, "contexts") is not { } node)
        {
            return [];
        }

        foreach (var entry in Entries(node, "contexts", errors))
        {
            CheckKeys(entry, ContextKeys, "an entry of contexts", errors);
            var (id, label) = ReadIdAndLabel(entry, "contexts", errors);
            var line = TaxonomyErrors.LineOf(entry);
            CheckUnique(result.Select(r => (r.Context.Id, r.Context.Label, r.Line)), id, label, "contexts", line, errors);
            var favoursNode = Find(entry, "favours") ?? throw errors.At(entry, $"context '{id}' has no favours: (the directive type it favours).");
            var favoursText = ReadString(favoursNode, errors);
            var favours = ResolveDirective(directives, favoursText)
                ?? throw errors.At(favoursNode, $"favours '{favoursText}' is not a directive type id or label.");
            var bonus = Find(entry, "bonus") is { } b ? ReadNumber(b, errors) : 2;
            var minPosition = Find(entry, "minPosition") is { } m ? ReadNumber(m, errors) : 0;
            if (minPosition is < 0 or > 1)
            {
                throw errors.At(Find(entry, "minPosition")!, "minPosition must be between 0 and 1.");
            }

            var description = Find(entry, "description") is { } d ? ReadString(d, errors) : "";
            var context = new TaxonomyContext(id, label, description, favours, bonus, minPosition, ReadCues(entry, errors, patterns));
            result.Add((context, line));
        }

        return [.. result.Select(r => r.Context)];
    }

    private static (string Id, string Label) ReadIdAndLabel(YamlMappingNode entry, string section, TaxonomyErrors errors)
    {
        var idNode = Find(entry, "id") ?? throw errors.At(entry, $"an entry of {section} has no id.");
        var id = ReadString(idNode, errors).Trim();
        if (!IdShape().IsMatch(id))
        {
            throw errors.At(idNode, $"id '{id}' must be lower-case English: a letter, then letters, digits, '-' or '_'.");
        }

        var labelNode = Find(entry, "label") ?? throw errors.At(entry, $"entry '{id}' of {section} has no label.");
        var label = ReadString(labelNode, errors).Trim();
        return label.Length == 0 ? throw errors.At(labelNode, $"entry '{id}' of {section} has an empty label.") : (id, label);
    }

    private static void CheckUnique(
        IEnumerable<(string Id, string Label, int Line)> earlier, string id, string label, string section, int line, TaxonomyErrors errors)
    {
        foreach (var (otherId, otherLabel, otherLine) in earlier)
        {
            if (otherId == id)
            {
                throw errors.At(line, $"duplicate id '{id}' in {section} (first used on line {otherLine}).");
            }

            if (otherLabel == label)
            {
                throw errors.At(line, $"duplicate label '{label}' in {section} (first used on line {otherLine}).");
            }
        }
    }

    private static void CheckDisjoint(List<(TaxonomyLabel Label, int Line)> themes, List<(TaxonomyLabel Label, int Line)> directives, TaxonomyErrors errors)
    {
        foreach (var (directive, line) in directives)
        {
            if (themes.FirstOrDefault(t => t.Label.Id == directive.Id || t.Label.Label == directive.Label) is { Label: not null } clash)
            {
                throw errors.At(line, $"directive type '{directive.Id}' ({directive.Label}) has the same id or label as the theme on line {clash.Line}.");
            }
        }
    }

    private static string? ResolveDirective(List<(TaxonomyLabel Label, int Line)> directives, string idOrLabel)
    {
        var key = idOrLabel.Trim();
        return directives.FirstOrDefault(d => string.Equals(d.Label.Id, key, StringComparison.OrdinalIgnoreCase) || d.Label.Label == key)
            .Label?.Id;
    }

    private static IEnumerable<YamlMappingNode> Entries(YamlNode node, string key, TaxonomyErrors errors)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw errors.At(node, $"{key} must be a list of entries (each starting with '- id: ...').");
        }

        foreach (var item in sequence.Children)
        {
            yield return item as YamlMappingNode ?? throw errors.At(item, $"each entry of {key} must be a mapping with id:, label:, ...");
        }
    }
}
