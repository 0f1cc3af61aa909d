namespace SpeechArchive.Storage;

/// <summary>
/// The passages of one index generation as the snapshot's columns, one array per field indexed by passage (in row-id
/// order), as <see cref="PassageColumnFile"/> stores them: what a snapshot would otherwise make from every passage row. Read
/// from the file, the columns are mapped (<see cref="Column{T}"/>); made from the rows, they are arrays.
/// Speeches and sections are referred to by position (a speech's in row-id order; a section's global id, the speeches'
/// sections numbered one after the other), so the columns hold only for the speech rows of their generation.
/// </summary>
internal sealed class PassageColumnData
{
    public required Column<long> RowIds { get; init; }
    /// <summary>Each passage's speech, by position in row-id order.</summary>
    public required Column<int> Speech { get; init; }
    public required Column<int> Ordinal { get; init; }
    /// <summary>Each passage's innermost section as a global section id, or -1.</summary>
    public required Column<int> Section { get; init; }
    public required Column<int> Start { get; init; }
    public required Column<int> End { get; init; }
    /// <summary>Each passage's label set, an index into <see cref="LabelSets"/>.</summary>
    public required Column<int> LabelSet { get; init; }
    /// <summary>Each passage's point label, an index into <see cref="PointLabels"/> (whose first entry is none).</summary>
    public required Column<int> Point { get; init; }
    /// <summary>Each passage's length in its match form (at least 1): what BM25 normalises by.</summary>
    public required Column<int> Length { get; init; }
    /// <summary>Passage <c>d</c>'s <see cref="SentenceColumn"/> (UTF-8) in <see cref="SentenceArena"/>, from <c>SentenceStarts[d]</c> to <c>SentenceStarts[d + 1]</c>.</summary>
    public required Column<int> SentenceStarts { get; init; }
    public required Column<byte> SentenceArena { get; init; }
    /// <summary>The distinct label sets: themes and directive types, each the stored comma-separated list.</summary>
    public required (string Themes, string Types)[] LabelSets { get; init; }
    public required string?[] PointLabels { get; init; }

    public int Count => RowIds.Length;
}
