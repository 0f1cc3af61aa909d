namespace SpeechArchive.Documents;

/// <summary>One corpus file read and decoded: the plain text the rest of the pipeline works on, and its metadata.</summary>
/// <param name="Key">Path relative to the corpus root with '/' separators, e.g. <c>2022/jiwei.md</c>; unique in a corpus.</param>
/// <param name="Id">URL-safe speech id derived from <see cref="Key"/>, stable while the file keeps its name.</param>
/// <param name="Text">Plain text of the body: Markdown syntax removed, one block per line, LF line ends. All offsets refer to it.</param>
/// <param name="Markdown">The Markdown body after front matter, for rendering; null for plain-text files.</param>
/// <param name="ContentHash">SHA-256 (hex) of the raw file bytes plus any metadata-table row that applies to it.</param>
/// <param name="Headings">Lines of <see cref="Text"/> known to be headings (Markdown # headings), for the structure parser.</param>
/// <param name="Warnings">Non-fatal remarks (e.g. "decoded as GB18030").</param>
public sealed record SourceDocument(
    string Key,
    string Id,
    string Text,
    string? Markdown,
    SpeechMetadata Metadata,
    string ContentHash,
    IReadOnlyList<HeadingHint> Headings,
    IReadOnlyList<string> Warnings);

/// <summary>A line of the plain text that the source marks as a heading: its start offset and level (1 = top).</summary>
public readonly record struct HeadingHint(int Start, int Level);
