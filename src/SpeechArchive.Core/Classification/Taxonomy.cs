using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SpeechArchive.Classification;

/// <summary>
/// The themes, directive types, contexts and settings that labelling uses, read from an administrator-edited
/// <c>taxonomy.yaml</c> (or the copy built into the assembly).
/// </summary>
public sealed class Taxonomy
{
    private const string DefaultResourceName = "SpeechArchive.Classification.taxonomy.yaml";

    private static readonly Lazy<Taxonomy> LazyDefault = new(LoadDefault);

    private readonly Dictionary<string, TaxonomyLabel> themesByKey;
    private readonly Dictionary<string, TaxonomyLabel> directivesByKey;
    private readonly Lazy<CueMatcher> matcher;
    private readonly Lazy<SentenceFilters> filters;

    internal Taxonomy(
        string sourceName,
        TaxonomySettings settings,
        IReadOnlyList<TaxonomyLabel> themes,
        IReadOnlyList<TaxonomyLabel> directiveTypes,
        IReadOnlyList<TaxonomyContext> contexts,
        CompiledPatterns patterns)
    {
        SourceName = sourceName;
        Settings = settings;
        Themes = themes;
        DirectiveTypes = directiveTypes;
        Contexts = contexts;
        Patterns = patterns;
        themesByKey = IndexByIdAndLabel(themes);
        directivesByKey = IndexByIdAndLabel(directiveTypes);
        Fingerprint = ComputeFingerprint();
        matcher = new Lazy<CueMatcher>(() => new CueMatcher(this));
        filters = new Lazy<SentenceFilters>(() => new SentenceFilters(this));
    }

    /// <summary>The taxonomy built into the assembly (the shipped <c>corpus/taxonomy.yaml</c>).</summary>
    public static Taxonomy Default => LazyDefault.Value;

    /// <summary>File name or description the taxonomy was read from, as used in messages.</summary>
    public string SourceName { get; }

    /// <summary>The YAML this taxonomy was read from; the index keeps it so labels and reasons can be recomputed.</summary>
    public string Yaml { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of everything that affects labels (ids, labels, cues, weights, settings), not of comments or descriptions.</summary>
    public string Fingerprint { get; }

    public TaxonomySettings Settings { get; }

    public IReadOnlyList<TaxonomyLabel> Themes { get; }

    public IReadOnlyList<TaxonomyLabel> DirectiveTypes { get; }

    public IReadOnlyList<TaxonomyContext> Contexts { get; }

    internal CompiledPatterns Patterns { get; }

    internal CueMatcher Matcher => matcher.Value;

    /// <summary>Sentences that get no type whatever their cues: bare addresses and clutter.</summary>
    internal SentenceFilters Filters => filters.Value;

    /// <summary>Reads and validates a taxonomy file; errors name the file and line.</summary>
    public static Taxonomy Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SpeechArchiveException($"{path}: taxonomy file not found.");
        }

        if (info.Length > TaxonomyReader.MaxChars * 4L)
        {
            throw new SpeechArchiveException($"{path}: taxonomy file is {info.Length:N0} bytes; at most {TaxonomyReader.MaxChars:N0} characters are allowed.");
        }

        string yaml;
        try
        {
            yaml = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException e)
        {
            throw new SpeechArchiveException($"{path}: cannot read taxonomy file: {e.Message}", e);
        }

        return Parse(yaml, path);
    }

    /// <summary>Parses and validates taxonomy YAML; <paramref name="sourceName"/> is used in error messages.</summary>
    public static Taxonomy Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var taxonomy = TaxonomyReader.Read(yaml, sourceName);
        taxonomy.Yaml = yaml;
        return taxonomy;
    }

    /// <summary>Theme id for an id (case-insensitive) or Chinese label; null when unknown.</summary>
    public string? ResolveTheme(string idOrLabel) => Resolve(themesByKey, idOrLabel);

    /// <summary>Directive type id for an id (case-insensitive) or Chinese label; null when unknown.</summary>
    public string? ResolveDirectiveType(string idOrLabel) => Resolve(directivesByKey, idOrLabel);

    /// <summary>The Chinese label of a theme or directive type id; null when unknown.</summary>
    public string? LabelOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Themes.FirstOrDefault(t => t.Id == id)?.Label ?? DirectiveTypes.FirstOrDefault(d => d.Id == id)?.Label;
    }

    private static string? Resolve(Dictionary<string, TaxonomyLabel> index, string idOrLabel)
    {
        ArgumentNullException.ThrowIfNull(idOrLabel);
        var key = idOrLabel.Trim();
        return index.TryGetValue(key, out var label) || index.TryGetValue(key.ToLowerInvariant(), out label) ? label.Id : null;
    }

    private static Dictionary<string, TaxonomyLabel> IndexByIdAndLabel(IReadOnlyList<TaxonomyLabel> labels)
    {
        var index = new Dictionary<string, TaxonomyLabel>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            index[label.Id] = label;
            index[label.Label] = label;
        }

        return index;
    }

    private static Taxonomy LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new SpeechArchiveException($"The built-in taxonomy resource {DefaultResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "built-in taxonomy.yaml");
    }

    private string ComputeFingerprint()
    {
        var text = new StringBuilder();
        var s = Settings;
        text.Append(CultureInfo.InvariantCulture, $"settings|{s.DirectiveThreshold:R}|{s.ContextThreshold:R}|{s.QuoteCarries}|{s.QuoteBonus:R}|")
            .Append(CultureInfo.InvariantCulture, $"{s.ThemeThreshold:R}|{s.ThemeThresholdPer100:R}|{s.ThemeRelative:R}|{s.MaxThemes}|{s.HeadingWeight:R}|{s.TermRepeatCap}|")
            .Append(CultureInfo.InvariantCulture, $"{string.Join('\u001f', s.ContrastMarkers)}|{s.ContrastWeightBefore:R}|{s.HeadingFavours}|{s.HeadingBonus:R}|{s.UntypedPattern}|")
            .Append(CultureInfo.InvariantCulture, $"{string.Join('\u001f', s.ContrastExempt)}|{s.MaxCuesPerType}|{string.Join('\u001f', s.ClutterPatterns)}\n");
        AppendLabels(text, "theme", Themes);
        AppendLabels(text, "directive", DirectiveTypes);
        foreach (var context in Contexts)
        {
            text.Append(CultureInfo.InvariantCulture, $"context|{context.Id}|{context.Label}|{context.Favours}|{context.Bonus:R}|{context.MinPosition:R}\n");
            AppendCues(text, context.Cues);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AppendLabels(StringBuilder text, string kind, IReadOnlyList<TaxonomyLabel> labels)
    {
        foreach (var label in labels)
        {
            text.Append(CultureInfo.InvariantCulture, $"{kind}|{label.Id}|{label.Label}|{label.ThemeWeight:R}\n");
            AppendCues(text, label.Cues);
        }
    }

    private static void AppendCues(StringBuilder text, IReadOnlyList<TaxonomyCue> cues)
    {
        foreach (var cue in cues)
        {
            text.Append(CultureInfo.InvariantCulture, $"cue|{(int)cue.Kind}|{cue.Text}|{cue.Weight:R}\n");
        }
    }
}
