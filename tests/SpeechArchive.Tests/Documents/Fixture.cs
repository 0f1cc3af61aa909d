using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>Access to Fixtures/Documents: tab-separated case files (\n, \t and \\ escaped) and sample files.</summary>
public static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Documents", name);

    /// <summary>The rows of a TSV case file, header and '#' comment lines skipped, escapes undone.</summary>
    public static TheoryData<string[]> Rows(string name)
    {
        var data = new TheoryData<string[]>();
        foreach (var row in ReadRows(name))
        {
            data.Add(row);
        }

        return data;
    }

    public static List<string[]> ReadRows(string name) =>
        File.ReadAllLines(PathOf(name))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Skip(1)
            .Select(line => line.Split('\t').Select(Unescape).ToArray())
            .ToList();

    public static string Unescape(string field)
    {
        var sb = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length && field[i + 1] is 'n' or 't' or '\\')
            {
                sb.Append(field[++i] switch { 'n' => '\n', 't' => '\t', _ => '\\' });
            }
            else
            {
                sb.Append(field[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads a file that is not part of any scanned corpus, as the indexer would after a scan.</summary>
    public static DocumentReadResult Read(string fullPath, MetadataTable? table = null)
    {
        var key = Path.GetFileName(fullPath);
        return new DocumentReader().Read(new CorpusFile(key, fullPath, new FileInfo(fullPath).Length), table);
    }
}
