namespace SpeechArchive.Documents;

/// <summary>Descriptive metadata of a speech (讲话), from front matter, a folder's metadata table, or inference.</summary>
public sealed record SpeechMetadata
{
    public string? Title { get; init; }

    /// <summary>
    /// The metadata table's title as written when <see cref="TitleRepair"/> mended it (null otherwise, and not stored): the
    /// structure parser finds the text's title line by it, as it did before the mending.
    /// </summary>
    public string? TitleAsGiven { get; init; }
    public DateOnly? Date { get; init; }
    public int? Year { get; init; }
    public string? Speaker { get; init; }
    public string? Organization { get; init; }
    public string? Meeting { get; init; }
    public string? Source { get; init; }
    /// <summary>Category from a metadata table or front matter (e.g. government_work_report): the 类别 facet, under its label (<see cref="CategoryLabels"/>).</summary>
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the title came from and how sure we are (1.0 = given explicitly).</summary>
    public MetadataProvenance TitleProvenance { get; init; } = MetadataProvenance.Missing;

    /// <summary>Where the year came from and how sure we are (1.0 = given explicitly).</summary>
    public MetadataProvenance YearProvenance { get; init; } = MetadataProvenance.Missing;
}

/// <summary>Origin of one metadata value: <c>front matter</c>, <c>MANIFEST.tsv</c>, <c>inferred: …</c>, with a confidence in [0, 1].</summary>
public sealed record MetadataProvenance(string Origin, double Confidence)
{
    public static MetadataProvenance Missing { get; } = new("missing", 0);
}
