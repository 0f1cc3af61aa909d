namespace SpeechArchive.Documents;

/// <summary>One row of a folder's metadata table: the values given for one file (absent columns are null).</summary>
/// <param name="File">File name relative to the table's folder, with '/' separators.</param>
/// <param name="Line">1-based line of the table where the row starts.</param>
public sealed record MetadataRow(string File, int Line)
{
    public string? Title { get; init; }
    public int? Year { get; init; }
    public DateOnly? Date { get; init; }
    public string? Category { get; init; }
    public string? Organization { get; init; }
    public string? Speaker { get; init; }
    public string? Meeting { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The recognised values as one stable text, hashed with the file so that editing the row re-indexes the file.</summary>
    public string Canonical => string.Join('\u001F',
        File, Title, Year, Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Category, Organization, Speaker, Meeting, Source, string.Join('\u001E', Tags));
}
