namespace SpeechArchive.Documents;

/// <summary>A speech file found below a corpus root.</summary>
/// <param name="Key">Path relative to the corpus root with '/' separators; the sort key and the identity of the file.</param>
/// <param name="FullPath">Absolute path as found below the root (a symbolic link is kept, not resolved).</param>
/// <param name="Length">Size in bytes when scanned.</param>
public sealed record CorpusFile(string Key, string FullPath, long Length)
{
    /// <summary>The metadata table (MANIFEST.tsv or metadata.csv) of the file's folder or nearest ancestor below the root, or null.</summary>
    public string? MetadataTablePath { get; init; }

    /// <summary>Last modification time (UTC) when scanned; with <see cref="Length"/> it lets an unchanged file go unread.</summary>
    public DateTime LastWriteUtc { get; init; }
}
