namespace SpeechArchive.Search;

/// <summary>A speech held in memory by an <see cref="IndexSnapshot"/>.</summary>
public sealed record SpeechInfo
{
    public required string Id { get; init; }
    public required string FileKey { get; init; }
    public required string Title { get; init; }
    public string? Date { get; init; }
    public int? Year { get; init; }
    public string? Speaker { get; init; }
    public string? Organization { get; init; }
    public string? Category { get; init; }
    /// <summary>The category's label (类别) as <see cref="Documents.CategoryLabels"/> gives it.</summary>
    public string? CategoryLabel { get; init; }
    public string? Meeting { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>
    /// The speech's plain text, made as a new string on each call from the snapshot's texts (mapped from a file beside the
    /// index: <see cref="SpeechTexts"/>); what reads many speeches or passages reads <see cref="TextSpan"/>.
    /// </summary>
    public string Text => Texts.String(Position);
    /// <summary>The length of <see cref="Text"/>, in UTF-16 units.</summary>
    internal int TextLength => TextSpan.Length;
    /// <summary>The speech's plain text where it is held, without a copy (spans into it index as <see cref="Text"/> does).</summary>
    internal ReadOnlySpan<char> TextSpan => Texts.Span(Position);
    internal SpeechTexts Texts { get; init; } = null!; // set by the snapshot's Build
    /// <summary>The speech's index in <see cref="IndexSnapshot.Speeches"/> (and in <see cref="Texts"/>).</summary>
    internal int Position { get; init; }
    public string? Markdown { get; init; }
    /// <summary>JSON of where title and year came from, with confidences (made when asked for: only the reader shows it).</summary>
    public string? Provenance => Metadata is { } m ? Storage.SpeechColumns.Provenance(m) : null;
    /// <summary>The speech's metadata as stored (what <see cref="Provenance"/> is made from).</summary>
    internal Documents.SpeechMetadata? Metadata { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyDictionary<string, double> ThemeShares { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<SectionInfo> Sections { get; init; } = [];
    /// <summary>Indexes into <see cref="IndexSnapshot.Passages"/> of this speech's passages, in order.</summary>
    public IReadOnlyList<int> Passages { get; init; } = [];
    public string ContentHash { get; init; } = "";
    public string IndexedAt { get; init; } = "";
    internal string TitleMatch { get; init; } = "";
}

/// <summary>A section heading of a speech.</summary>
public sealed record SectionInfo(int Ordinal, int Level, string Label, string Heading, int HeadingStart, int HeadingEnd, int Start, int End, int Parent)
{
    /// <summary>The headings from the outermost section down to this one, joined by " › " (as its passages' section reads).</summary>
    public string Path { get; init; } = "";
}
