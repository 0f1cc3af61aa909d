using System.Text;

namespace SpeechArchive.Writing;

/// <summary>Reads and writes recall sets: TSV with the header <c>query, source, target, kind</c>; lines starting with # are comments.</summary>
public static class RecallSet
{
    public const string Header = "query\tsource\ttarget\tkind";

    public static IReadOnlyList<RecallQuery> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpeechArchiveException($"recall set not found: {path}");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static IReadOnlyList<RecallQuery> Parse(string tsv, string source)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var queries = new List<RecallQuery>();
        var lines = tsv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.StartsWith('#') || line.StartsWith("query\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 4 || f[0].Length == 0 || f[1].Length == 0 || f[2].Length == 0)
            {
                throw new SpeechArchiveException($"{source}:{i + 1}: expected four tab-separated fields: query, source, target, kind");
            }

            queries.Add(new RecallQuery(f[0], f[1], f[2], f[3]));
        }

        return queries;
    }

    public static string Format(IEnumerable<RecallQuery> queries, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var sb = new StringBuilder();
        foreach (var line in (comment ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append("# ").Append(line).Append('\n');
        }

        sb.Append(Header).Append('\n');
        foreach (var q in queries)
        {
            sb.Append(q.Query).Append('\t').Append(q.Source).Append('\t').Append(q.Target).Append('\t').Append(q.Kind).Append('\n');
        }

        return sb.ToString();
    }
}
