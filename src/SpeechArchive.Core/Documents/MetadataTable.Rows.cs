namespace SpeechArchive.Documents;

public sealed partial class MetadataTable
{
    private static MetadataTable Build(string path, IEnumerable<DelimitedRecord> records)
    {
        var name = System.IO.Path.GetFileName(path);
        var warnings = new List<string>();
        var rows = new Dictionary<string, MetadataRow>(StringComparer.Ordinal);
        Dictionary<string, int>? columns = null;
        var headerWidth = 0;
        foreach (var record in records)
        {
            if (columns is null)
            {
                columns = ReadHeader(record);
                headerWidth = record.Fields.Count;
                if (!columns.ContainsKey("file"))
                {
                    throw new SpeechArchiveException($"metadata table {path} line {record.Line}: the header has no 'file' column");
                }

                continue;
            }

            var (row, problem) = record.Error is not null
                ? (null, record.Error)
                : record.Fields.Count != headerWidth
                    ? (null, $"{record.Fields.Count} columns, the header has {headerWidth}")
                    : ReadRow(record, columns);
            if (row is null)
            {
                warnings.Add($"{name} 第 {record.Line} 行未采用 ({name} line {record.Line}: row skipped: {problem})");
            }
            else if (!rows.TryAdd(row.File, row))
            {
                warnings.Add($"{name} 第 {record.Line} 行未采用：“{row.File}”已见于第 {rows[row.File].Line} 行 ({name} line {record.Line}: row skipped: '{row.File}' already listed at line {rows[row.File].Line})");
            }
        }

        return new MetadataTable(path, rows, warnings);
    }

    private static Dictionary<string, int> ReadHeader(DelimitedRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var column = header.Fields[i].Trim().ToLowerInvariant();
            columns.TryAdd(column == "org" ? "organization" : column, i);
        }

        return columns;
    }

    private static (MetadataRow? Row, string? Problem) ReadRow(DelimitedRecord record, Dictionary<string, int> columns)
    {
        string? Get(string column) =>
            columns.TryGetValue(column, out var i) && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;

        var file = Get("file");
        if (file is null)
        {
            return (null, "empty 'file'");
        }

        int? year = null;
        if (Get("year") is { } yearText)
        {
            year = MetadataValues.TryParseYear(yearText, out var y) ? y : null;
            if (year is null)
            {
                return (null, $"'year' is not a year: '{yearText}'");
            }
        }

        DateOnly? date = null;
        if (Get("date") is { } dateText)
        {
            date = MetadataValues.TryParseDate(dateText, out var d) ? d : null;
            if (date is null)
            {
                return (null, $"'date' is not YYYY-MM-DD: '{dateText}'");
            }
        }

        return (new MetadataRow(file.Replace('\\', '/'), record.Line)
        {
            Title = Get("title"),
            Year = year,
            Date = date,
            Category = Get("category"),
            Organization = Get("organization"),
            Speaker = Get("speaker"),
            Meeting = Get("meeting"),
            Source = Get("source"),
            Tags = MetadataValues.SplitTags(Get("tags")),
        }, null);
    }
}
