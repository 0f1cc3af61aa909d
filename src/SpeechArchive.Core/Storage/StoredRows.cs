using SpeechArchive.Documents;
using SpeechArchive.Structure;

namespace SpeechArchive.Storage;

/// <summary>
/// A speech row as stored (without its sections and passages), in the program's own types: the metadata is the
/// <see cref="SpeechMetadata"/> the reader produced, and <see cref="IndexStore"/> alone knows how each part maps to columns
/// (<see cref="SpeechColumns"/>). Made with named arguments.
/// </summary>
/// <param name="RowId">The row id (0 for a row not inserted yet).</param>
/// <param name="LabelsFingerprint">The fingerprint of the taxonomy its passages were labelled with.</param>
/// <param name="Warnings">What the reader warned about the file.</param>
/// <param name="ThemeShares">Each theme's share of the speech's passages.</param>
/// <param name="Text">The plain text (empty when read without text).</param>
/// <param name="SourceStamp">
/// The file's size, modification time and metadata row when it was read (null when too recent to trust): a file whose
/// stamp is unchanged is not read again.
/// </param>
internal sealed record StoredSpeech(
    long RowId, string FileKey, string PublicId, string ContentHash, string LabelsFingerprint, SpeechMetadata Metadata,
    IReadOnlyList<string> Warnings, TextSpan? Title, TextSpan? Salutation, IReadOnlyDictionary<string, double> ThemeShares,
    string Text, string? Markdown, string IndexedAt, string? SourceStamp)
{
    /// <summary>The stored year: the metadata's, else its date's.</summary>
    public int? Year => Metadata.Year ?? Metadata.Date?.Year;
}

/// <summary>A section row as stored.</summary>
internal sealed record StoredSection(
    long SpeechRowId, int Ordinal, int Level, string Label, string Heading, int HeadingStart, int HeadingEnd, int Start, int End, int Parent);

/// <summary>
/// A passage row as stored; <see cref="Sentences"/> is the <see cref="SentenceColumn"/> form. The section path is not
/// stored: it follows from the sections table. Label reasons are not stored either: they are recomputed from the stored
/// taxonomy. <see cref="MatchLength"/> is the length of the passage's match form (null in an index migrated from version 2).
/// </summary>
internal sealed record StoredPassage(
    long RowId, long SpeechRowId, int Ordinal, int SectionOrdinal, string? PointLabel,
    int Start, int End, string Themes, string DirectiveTypes, string Sentences, int? MatchLength = null);
