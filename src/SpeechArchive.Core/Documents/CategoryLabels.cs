using System.Globalization;

namespace SpeechArchive.Documents;

/// <summary>
/// How a speech's category (the <c>category</c> of a metadata table or front matter, often an English id such as
/// <c>government_work_report</c>) is shown: a category is a collection a speech belongs to, not an organisation, so it is
/// a facet of its own (类别) with a Chinese label. Labels come from <c>corpus/categories.tsv</c> (one <c>id&lt;TAB&gt;label</c>
/// per line; an id ending in <c>*</c> covers every id it starts; <c>#</c> starts a comment), then from the built-in table
/// of the shared public sets' ids (a line of the file wins over any of them), else the id itself, its underscores read as
/// spaces so it wraps between words.
/// Several ids may share a label: they are then one facet value.
/// </summary>
public sealed class CategoryLabels
{
    /// <summary>The file's name in a corpus folder.</summary>
    public const string FileName = "categories.tsv";

    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The ids of the shared public sets (reports, xi-2020).</summary>
    private static readonly (string Id, string Label)[] BuiltIn =
    [
        ("government_work_report", "政府工作报告"),
        ("npc_resolution_on_gwr", "全国人大关于政府工作报告的决议"),
        ("cpc_congress_report_*", "党的全国代表大会报告"),
        ("xi_2020", "习近平2020年讲话文章"),
    ];

    private readonly Dictionary<string, string> exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Prefix, string Label)> prefixes = [];
    private readonly CategoryLabels? fallback;

    /// <summary>The built-in labels alone.</summary>
    public static CategoryLabels Default { get; } = new(BuiltIn, null);

    /// <summary>Labels from <paramref name="entries"/> (later lines win), then those of <paramref name="fallback"/>.</summary>
    private CategoryLabels(IEnumerable<(string Id, string Label)> entries, CategoryLabels? fallback)
    {
        this.fallback = fallback;
        foreach (var (id, label) in entries)
        {
            if (id.EndsWith('*'))
            {
                prefixes.RemoveAll(p => string.Equals(p.Prefix, id[..^1], StringComparison.OrdinalIgnoreCase));
                prefixes.Add((id[..^1], label));
            }
            else
            {
                exact[id] = label;
            }
        }

        prefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length)); // the longest prefix wins
    }

    /// <summary>
    /// The labels of <paramref name="text"/> (a <c>categories.tsv</c>) over the built-in ones. A bad line throws
    /// <see cref="SpeechArchiveException"/> naming <paramref name="fileName"/> and the line.
    /// </summary>
    public static CategoryLabels Parse(string? text, string fileName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var entries = new List<(string, string)>();
        foreach (var (number, line) in SettingLines.Of(text))
        {
            var fields = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || fields[0] == "*")
            {
                throw new SpeechArchiveException(string.Create(CultureInfo.InvariantCulture,
                    $"{fileName}: line {number}: expected category id<TAB>label (e.g. government_work_report\t政府工作报告)"));
            }

            entries.Add((fields[0], fields[1]));
        }

        return new CategoryLabels(entries, Default); // the file's lines before any built-in one, prefixes included
    }

    /// <summary>The text of the corpus's <c>categories.tsv</c> ("" without one); a malformed file throws, naming the line.</summary>
    public static string ReadText(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, FileName);
        if (!File.Exists(path))
        {
            return "";
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new SpeechArchiveException($"{path}: category labels larger than {MaxFileBytes / 1024} KB");
        }

        var text = File.ReadAllText(path);
        Parse(text, path); // check now: an error names the file and line, and the labels in force stay
        return text;
    }

    /// <summary>The label of category <paramref name="id"/>.</summary>
    public string Label(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Find(id.Trim()) ?? id.Trim().Replace('_', ' ');
    }

    private string? Find(string id)
    {
        if (exact.TryGetValue(id, out var label))
        {
            return label;
        }

        foreach (var (prefix, l) in prefixes)
        {
            if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return l;
            }
        }

        return fallback?.Find(id);
    }
}
