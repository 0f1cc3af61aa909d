namespace SpeechArchive.Documents;

/// <summary>Loads each metadata table once for a run over a corpus; a table that cannot be loaded becomes a warning.</summary>
public sealed class MetadataTableCache
{
    private readonly Dictionary<string, MetadataTable?> _tables = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    /// <summary>Load failures and every loaded table's row warnings, in the order met.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The table that applies to <paramref name="file"/> (see <see cref="CorpusFile.MetadataTablePath"/>), or null.</summary>
    public MetadataTable? For(CorpusFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.MetadataTablePath is not { } path)
        {
            return null;
        }

        if (!_tables.TryGetValue(path, out var table))
        {
            try
            {
                table = MetadataTable.Load(path);
                _warnings.AddRange(table.Warnings);
            }
            catch (SpeechArchiveException e)
            {
                _warnings.Add(e.Message);
            }

            _tables[path] = table;
        }

        return table;
    }
}
