namespace SpeechArchive.Export;

/// <summary>What <see cref="ElasticExporter.Export"/> writes, and where.</summary>
public sealed record ElasticExportOptions
{
    /// <summary>The folder to write into: new, empty, or a previous export's (whose files are replaced).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>At most this many documents per bulk file.</summary>
    public int DocsPerFile { get; init; } = 5000;

    /// <summary>A bulk file is closed once it holds this many bytes (Elasticsearch refuses requests over 100 MB by default).</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The indices are named PREFIX-passages and PREFIX-speeches.</summary>
    public string IndexPrefix { get; init; } = "speecharchive";
}
