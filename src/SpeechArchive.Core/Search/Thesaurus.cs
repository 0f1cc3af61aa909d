using System.Reflection;
using SpeechArchive.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpeechArchive.Search;

/// <summary>
/// The domain thesaurus that widens queries: <c>expand</c>, a map of a term to its related terms, each link working both
/// ways (四风 ↔ 形式主义、官僚主义…; 反腐 ↔ 反腐败), and <c>synonyms</c>, groups of near-synonyms all related to each
/// other (加强、强化、增强); <c>plain</c>, everyday words widened one way to the official terms (老百姓 → 群众); and
/// <c>formulations</c>, official formulations (提法) with how people describe them in their own words (推诿扯皮: 部门之间互相
/// 踢皮球), which <see cref="FormulationMatcher"/> and <see cref="FormulationReader"/> read free-text queries against, and
/// <c>statement-formulations</c>, more of them that only a statement is read against (by <see cref="FormulationReader"/>, not
/// a question by its words). Data, not code: <c>thesaurus.yaml</c> in the corpus folder, else the built-in default.
/// </summary>
public sealed class Thesaurus
{
    public const string FileName = "thesaurus.yaml";
    public const int MaxFileBytes = 1024 * 1024;
    private const string ResourceName = "SpeechArchive.Search.Thesaurus.yaml";

    private readonly Dictionary<string, List<string>> related = new(StringComparer.Ordinal);
    private readonly List<(string From, string To)> pairs = [];
    private readonly List<(string Formulation, IReadOnlyList<string> Descriptions)> formulations = [];
    private readonly HashSet<string> statementOnly = new(StringComparer.Ordinal);

    private Thesaurus(string source) => Source = source;

    /// <summary>Where the entries came from: a file path or "built-in".</summary>
    public string Source { get; }

    /// <summary>Every term with the terms it widens to, as written (a synonym group gives one entry per member).</summary>
    public IReadOnlyList<(string Term, IReadOnlyList<string> Related)> Entries { get; private set; } = [];

    /// <summary>Official formulations (match form) with the everyday descriptions of each, as written in the file's <c>formulations</c> and <c>statement-formulations</c>.</summary>
    public IReadOnlyList<(string Formulation, IReadOnlyList<string> Descriptions)> Formulations => formulations;

    /// <summary>
    /// The formulations written in the file's <c>statement-formulations</c> (they are in <see cref="Formulations"/> too; a name
    /// may not be in both sections): read for a statement by its characters (<see cref="FormulationReader"/>), never by words
    /// (<see cref="FormulationMatcher"/>: a question, or a statement the reader finds nothing for), where more formulations
    /// alike read more wrong ones (docs/relevance.md, sixty-fourth session).
    /// </summary>
    public IReadOnlySet<string> StatementOnly => statementOnly;

    /// <summary>A thesaurus with no entries (expansion off).</summary>
    public static Thesaurus Empty { get; } = new("empty");

    /// <summary>The thesaurus shipped with the library.</summary>
    public static Thesaurus Default { get; } = LoadDefault();

    /// <summary><c>thesaurus.yaml</c> in <paramref name="corpusDirectory"/> when it exists, else <see cref="Default"/>.</summary>
    public static Thesaurus ForCorpus(string? corpusDirectory)
    {
        var path = corpusDirectory is null ? null : Path.Combine(corpusDirectory, FileName);
        return path is not null && File.Exists(path) ? Load(path) : Default;
    }

    /// <summary>Reads a thesaurus file; a malformed file throws <see cref="SpeechArchiveException"/> naming the file and line.</summary>
    public static Thesaurus Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SpeechArchiveException($"thesaurus file not found: {path}");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new SpeechArchiveException($"{path}: thesaurus larger than {MaxFileBytes / 1024} KB");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses thesaurus YAML: a map whose keys are terms and whose values are a term or a list of terms.</summary>
    public static Thesaurus Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var thesaurus = new Thesaurus(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SpeechArchiveException($"{source}: malformed thesaurus at line {e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return thesaurus;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SpeechArchiveException($"{source}: a thesaurus has an “expand:” map and a “synonyms:” list (line {stream.Documents[0].RootNode.Start.Line})");
        }

        var entries = new List<(string, IReadOnlyList<string>)>();
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            switch (Scalar(keyNode, source))
            {
                case var section and ("expand" or "plain") when valueNode is YamlMappingNode map:
                    foreach (var (termNode, relatedNode) in map.Children)
                    {
                        var term = Scalar(termNode, source);
                        var values = Terms(relatedNode, source, term).Where(v => v != term).ToList();
                        if (term.Length > 0 && values.Count > 0)
                        {
                            entries.Add((term, values));
                            foreach (var value in values)
                            {
                                thesaurus.Link(term, value);
                                if (section == "expand")
                                {
                                    thesaurus.Link(value, term); // plain words widen to the official terms only, not back
                                }
                            }
                        }
                    }

                    break;
                case "expand" or "plain" or "synonyms" or "formulations" or "statement-formulations" when valueNode is YamlScalarNode { Value: null or "" }:
                    break; // a section with its entries all taken out (comments only)
                case var section and ("formulations" or "statement-formulations") when valueNode is YamlMappingNode map:
                    foreach (var (termNode, descriptionsNode) in map.Children)
                    {
                        var formulation = Normalize(Scalar(termNode, source));
                        var descriptions = Terms(descriptionsNode, source, formulation).Where(d => d.Length > 0).ToList();
                        if (formulation.Length == 0 || descriptions.Count == 0)
                        {
                            continue;
                        }

                        var statementOnly = section == "statement-formulations";
                        if ((statementOnly ? asked : thesaurus.statementOnly).Contains(formulation))
                        {
                            throw new SpeechArchiveException($"{source}: line {termNode.Start.Line}: “{formulation}” is in both “formulations:” and “statement-formulations:”; keep it in one (its descriptions together)");
                        }

                        thesaurus.formulations.Add((formulation, descriptions));
                        (statementOnly ? thesaurus.statementOnly : asked).Add(formulation);
                    }

                    break;
                case "synonyms" when valueNode is YamlSequenceNode groups:
                    foreach (var groupNode in groups.Children)
                    {
                        var group = Terms(groupNode, source, "synonyms");
                        for (var i = 0; i < group.Count; i++)
                        {
                            entries.Add((group[i], group.Where((_, k) => k != i).ToList()));
                            for (var k = 0; k < group.Count; k++)
                            {
                                if (k != i)
                                {
                                    thesaurus.Link(group[i], group[k]);
                                }
                            }
                        }
                    }

                    break;
                case var known and ("expand" or "plain" or "formulations" or "statement-formulations"):
                    throw new SpeechArchiveException($"{source}: line {valueNode.Start.Line}: “{known}:” must be a map ({(known.Contains("formulations", StringComparison.Ordinal) ? "提法: [口语说法, …]" : "词: [相关词, …]")}), one entry a line");
                case "synonyms":
                    throw new SpeechArchiveException($"{source}: line {valueNode.Start.Line}: “synonyms:” must be a list of [近义词, …] groups");
                case var other:
                    throw new SpeechArchiveException($"{source}: line {keyNode.Start.Line}: expected “expand:” (a map of 词: [相关词, …]), “plain:” (the same, one way), “synonyms:” (a list of [近义词, …] groups), “formulations:” (a map of 提法: [口语说法, …]) or “statement-formulations:” (the same, read for statements only), not “{other}”");
            }
        }

        thesaurus.Entries = entries;
        thesaurus.pairs.Sort((x, y) => y.From.Length.CompareTo(x.From.Length)); // longer terms first; among equal lengths the sort's order, the same for a given file (near matching and InsideTerms take the first few)
        return thesaurus;
    }

    /// <summary>
    /// This thesaurus with other <paramref name="formulations"/> (its expansions, plain words and synonyms as they are): what
    /// <c>eval-reading</c> reads held-out descriptions against.
    /// </summary>
    public Thesaurus WithFormulations(IEnumerable<(string Formulation, IReadOnlyList<string> Descriptions)> formulations, string source)
    {
        ArgumentNullException.ThrowIfNull(formulations);
        var copy = new Thesaurus(source) { Entries = Entries };
        foreach (var (term, list) in related)
        {
            copy.related[term] = [.. list];
        }

        copy.pairs.AddRange(pairs);
        copy.formulations.AddRange(formulations.Where(f => f.Descriptions.Count > 0));
        copy.statementOnly.UnionWith(statementOnly);
        return copy;
    }

    /// <summary>The terms a query word widens to (in match form), not including itself.</summary>
    public IReadOnlyList<string> RelatedTo(string matchForm) =>
        related.TryGetValue(matchForm, out var list) ? list : [];

    /// <summary>
    /// For a word the thesaurus does not list (国企改革), the word with a term it holds replaced by a related one (国企 →
    /// 国有企业: 国有企业改革), where <paramref name="said"/> says the texts say it (some passage holds it, as a word of its own:
    /// not 铁路站 of 铁路站场 for 火车站); at most <paramref name="limit"/>, longer terms first; never a shortening of the word
    /// (全面从严治党永远在路上 → 从严治党永远在路上 only widens it). Empty for a word the thesaurus lists (its own terms are
    /// <see cref="RelatedTo"/>).
    /// </summary>
    public IReadOnlyList<string> InsideTerms(string matchForm, Func<string, bool> said, int limit = 3)
    {
        ArgumentNullException.ThrowIfNull(matchForm);
        ArgumentNullException.ThrowIfNull(said);
        if (matchForm.Length < 3 || related.ContainsKey(matchForm))
        {
            return [];
        }

        return [.. Substitutions(matchForm, int.MaxValue).Select(s => s.Variant).Where(v => !matchForm.Contains(v, StringComparison.Ordinal) && said(v)).Take(limit)];
    }

    /// <summary>
    /// Variants of <paramref name="matchForm"/> with one thesaurus term replaced by a related one (强化纪律建设 → 加强纪律建设),
    /// at most <paramref name="limit"/>; longer terms first (each term at its first place). The terms held are found through
    /// the pairs' first two characters, so a word costs a lookup per character, not a scan of every pair.
    /// </summary>
    public IReadOnlyList<(string Variant, string Inserted)> Substitutions(string matchForm, int limit)
    {
        ArgumentNullException.ThrowIfNull(matchForm);
        var byStart = LazyInitializer.EnsureInitialized(ref pairsByStart, () => IndexPairs(pairs)); // read by concurrent searches: published once, whole
        var found = new List<(int Pair, int At)>();
        for (var i = 0; i + 1 < matchForm.Length; i++)
        {
            if (!byStart.TryGetValue((matchForm[i], matchForm[i + 1]), out var candidates))
            {
                continue;
            }

            foreach (var pair in candidates)
            {
                var from = pairs[pair].From;
                if (i + from.Length <= matchForm.Length && string.CompareOrdinal(matchForm, i, from, 0, from.Length) == 0 && !found.Exists(f => f.Pair == pair))
                {
                    found.Add((pair, i));
                }
            }
        }

        found.Sort((a, b) => a.Pair.CompareTo(b.Pair)); // the pairs' own order: longer terms first
        var result = new List<(string Variant, string Inserted)>();
        foreach (var (pair, at) in found)
        {
            if (result.Count >= limit)
            {
                break;
            }

            var (from, to) = pairs[pair];
            var variant = string.Concat(matchForm.AsSpan(0, at), to, matchForm.AsSpan(at + from.Length));
            if (variant != matchForm && !result.Exists(r => r.Variant == variant))
            {
                result.Add((variant, to));
            }
        }

        return result;
    }

    /// <summary>The pairs (by index, in their order) by the first two characters of the term they replace; built once, on first use.</summary>
    private static Dictionary<(char, char), List<int>> IndexPairs(List<(string From, string To)> pairs)
    {
        var byStart = new Dictionary<(char, char), List<int>>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var key = (pairs[i].From[0], pairs[i].From[1]);
            if (!byStart.TryGetValue(key, out var list))
            {
                list = [];
                byStart[key] = list;
            }

            list.Add(i);
        }

        return byStart;
    }

    private Dictionary<(char, char), List<int>>? pairsByStart;

    private void Link(string from, string to)
    {
        var a = Normalize(from);
        var b = Normalize(to);
        if (a.Length == 0 || b.Length == 0 || a == b)
        {
            return;
        }

        if (!related.TryGetValue(a, out var list))
        {
            list = [];
            related[a] = list;
        }

        if (!list.Contains(b))
        {
            list.Add(b);
            if (a.Length > 1 && b.Length > 1)
            {
                pairs.Add((a, b)); // not a single character (罚 → 罚款): substituted, it would land inside any word (处罚款)
            }
        }
    }

    private static List<string> Terms(YamlNode node, string source, string owner) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(n => Scalar(n, source)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        YamlScalarNode => [Scalar(node, source)],
        _ => throw new SpeechArchiveException($"{source}: line {node.Start.Line}: the terms of “{owner}” must be a list"),
    };

    private static string Normalize(string term) => MatchText.Build(term, 0, term.Length).Trim(MatchText.Break, MatchText.Mask, ' ');

    /// <summary>A term as a thesaurus holds it (its match form: 尊重知识、尊重人才 → 尊重知识尊重人才).</summary>
    public static string FormOf(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return Normalize(term);
    }

    private static string Scalar(YamlNode node, string source) => node is YamlScalarNode s
        ? (s.Value ?? "").Trim()
        : throw new SpeechArchiveException($"{source}: line {node.Start.Line}: expected a term");

    private static Thesaurus LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new SpeechArchiveException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in");
    }
}
