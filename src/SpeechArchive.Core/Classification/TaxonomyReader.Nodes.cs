using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SpeechArchive.Classification;

internal static partial class TaxonomyReader
{
    private static readonly string[] SettingKeys =
    [
        "directiveThreshold", "contextThreshold", "quoteCarries", "quoteBonus", "themeThreshold", "themeRelative",
        "maxThemes", "headingWeight", "termRepeatCap", "contrastMarkers", "contrastWeightBefore", "headingFavours", "headingBonus",
        "untypedPattern", "themeThresholdPer100", "contrastExempt", "maxCuesPerType", "clutterPatterns",
    ];

    private static TaxonomySettings ReadSettings(YamlNode node, TaxonomyErrors errors, CompiledPatterns patterns)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw errors.At(node, "settings must be a mapping of name: value.");
        }

        CheckKeys(mapping, SettingKeys, "settings", errors);
        var defaults = new TaxonomySettings();
        double Number(string key, double fallback) => Find(mapping, key) is { } n ? ReadNumber(n, errors) : fallback;
        int Count(string key, int fallback)
        {
            var value = Number(key, fallback);
            return value is >= 0 and <= 1000 && value == Math.Floor(value)
                ? (int)value
                : throw errors.At(Find(mapping, key)!, $"{key} must be a whole number between 0 and 1000.");
        }

        return new TaxonomySettings
        {
            DirectiveThreshold = Number("directiveThreshold", defaults.DirectiveThreshold),
            ContextThreshold = Number("contextThreshold", defaults.ContextThreshold),
            QuoteCarries = Find(mapping, "quoteCarries") is { } q ? ReadString(q, errors).Trim() : defaults.QuoteCarries,
            QuoteBonus = Number("quoteBonus", defaults.QuoteBonus),
            ThemeThreshold = Number("themeThreshold", defaults.ThemeThreshold),
            ThemeThresholdPer100 = Number("themeThresholdPer100", defaults.ThemeThresholdPer100),

            ThemeRelative = Number("themeRelative", defaults.ThemeRelative),
            MaxThemes = Count("maxThemes", defaults.MaxThemes),
            HeadingWeight = Number("headingWeight", defaults.HeadingWeight),
            TermRepeatCap = Count("termRepeatCap", defaults.TermRepeatCap),
            ContrastMarkers = Find(mapping, "contrastMarkers") is { } markers ? ReadStrings(markers, "contrastMarkers", errors) : defaults.ContrastMarkers,
            ContrastWeightBefore = Number("contrastWeightBefore", defaults.ContrastWeightBefore),
            HeadingFavours = Find(mapping, "headingFavours") is { } h ? ReadString(h, errors).Trim() : defaults.HeadingFavours,
            HeadingBonus = Number("headingBonus", defaults.HeadingBonus),
            UntypedPattern = Find(mapping, "untypedPattern") is { } u ? ReadRegex(u, errors, patterns) : defaults.UntypedPattern,
            ContrastExempt = Find(mapping, "contrastExempt") is { } x ? ReadStrings(x, "contrastExempt", errors) : defaults.ContrastExempt,
            MaxCuesPerType = Count("maxCuesPerType", defaults.MaxCuesPerType),
            ClutterPatterns = Find(mapping, "clutterPatterns") is YamlSequenceNode c
                ? [.. c.Children.Select(item => ReadRegex(item, errors, patterns))]
                : Find(mapping, "clutterPatterns") is { } bad ? throw errors.At(bad, "clutterPatterns must be a list of regexes.") : defaults.ClutterPatterns,
        };
    }

    private static List<string> ReadStrings(YamlNode node, string key, TaxonomyErrors errors)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw errors.At(node, $"{key} must be a list, e.g. ['，但', '，却'].");
        }

        var values = sequence.Children.Select(item => ReadString(item, errors)).ToList();
        return values.Any(v => v.Length == 0) ? throw errors.At(node, $"{key} contains an empty value.") : values;
    }

    private static void CheckKeys(YamlMappingNode mapping, string[] allowed, string where, TaxonomyErrors errors)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || Array.IndexOf(allowed, name) < 0)
            {
                throw errors.At(key, $"unknown key '{name}' in {where}; expected one of: {string.Join(", ", allowed)}.");
            }
        }
    }

    private static YamlNode? Find(YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    private static string ReadString(YamlNode node, TaxonomyErrors errors) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw errors.At(node, "expected a single value here, not a list or mapping.");

    private static double ReadNumber(YamlNode node, TaxonomyErrors errors) =>
        node is YamlScalarNode scalar && TryParseNumber(scalar.Value, out var value)
            ? value
            : throw errors.At(node, $"expected a number, found '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'.");

    private static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
