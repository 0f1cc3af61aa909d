namespace SpeechArchive.Storage;

/// <summary>
/// A speech row as stored (without its passages). <see cref="SourceStamp"/> is the file's size, modification time and
/// metadata row when it was read (null when too recent to trust): a file whose stamp is unchanged is not read again.
/// </summary>
internal sealed record StoredSpeech(
    long RowId, string FileKey, string PublicId, string ContentHash, string LabelsFingerprint,
    string? Title, string? Date, int? Year, string? Speaker, string? Organization, string? Meeting, string? Source,
    string? Category, string? Tags, string? Provenance, string? Warnings,
    int? TitleStart, int? TitleEnd, int? SalutationStart, int? SalutationEnd, string? ThemeShares,
    string Text, string? Markdown, string IndexedAt, string? SourceStamp = null);

/// <summary>A section row as stored.</summary>
internal sealed record StoredSection(
    long SpeechRowId, int Ordinal, int Level, string Label, string Heading, int HeadingStart, int HeadingEnd, int Start, int End, int Parent);

/// <summary>
/// A passage row as stored; <see cref="Sentences"/> is "gap,length,type;…" (see <c>StoredStructure.Sentences</c>) with an empty type for none. The section path is not
/// stored: it follows from the sections table. Label reasons are not stored either: they are recomputed from the stored taxonomy.
/// <see cref="MatchLength"/> is the length of the passage's match form (null in an index migrated from version 2).
/// </summary>
internal sealed record StoredPassage(
    long RowId, long SpeechRowId, int Ordinal, int SectionOrdinal, string? PointLabel,
    int Start, int End, string Themes, string DirectiveTypes, string Sentences, int? MatchLength = null);
