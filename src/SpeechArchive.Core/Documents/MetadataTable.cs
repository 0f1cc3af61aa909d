namespace SpeechArchive.Documents;

/// <summary>
/// A folder's metadata table: <c>MANIFEST.tsv</c> (tab-separated) or <c>metadata.csv</c> (RFC 4180), header-driven
/// (file, title, year, date, category, organization/org, speaker, meeting, source, tags; any subset, any order).
/// Bad rows are skipped with a warning naming their line.
/// </summary>
public sealed partial class MetadataTable
{
    private readonly Dictionary<string, MetadataRow> _rows;

    private MetadataTable(string path, Dictionary<string, MetadataRow> rows, IReadOnlyList<string> warnings)
    {
        Path = path;
        _rows = rows;
        Warnings = warnings;
    }

    /// <summary>Absolute path of the table file.</summary>
    public string Path { get; }

    /// <summary>The table's file name (e.g. <c>MANIFEST.tsv</c>), used as the provenance of its values.</summary>
    public string SourceName => System.IO.Path.GetFileName(Path);

    public int Count => _rows.Count;

    /// <summary>Skipped rows and ignored values, each naming the table and line.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Loads a table; throws <see cref="SpeechArchiveException"/> when the file cannot be read or has no <c>file</c> column.</summary>
    public static MetadataTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpeechArchiveException($"cannot read metadata table {fullPath}: {e.Message}", e);
        }

        var csv = fullPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var records = csv ? DelimitedText.ReadCsv(text) : DelimitedText.ReadTsv(text);
        return Build(fullPath, records);
    }

    /// <summary>The row for a file name relative to the table's folder ('/' or '\' separators), or null.</summary>
    public MetadataRow? Find(string relativeName) =>
        _rows.GetValueOrDefault(relativeName.Replace('\\', '/'));

    /// <summary>The row for a scanned file, looked up by its path relative to the table's folder.</summary>
    public MetadataRow? Find(CorpusFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = System.IO.Path.GetDirectoryName(Path) ?? "";
        return Find(System.IO.Path.GetRelativePath(folder, file.FullPath));
    }
}
