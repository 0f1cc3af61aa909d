namespace SpeechArchive.Documents;

public sealed partial class DocumentReader
{
    private const string FrontMatterOrigin = "front matter";

    /// <summary>Confidence of a table title that looks rough (a salutation, or cut out of a flattened first paragraph).</summary>
    private const double RoughTitleConfidence = 0.5;

    private static SpeechMetadata MergeMetadata(FrontMatter fm, MetadataRow? row, string? tableName, string text, List<string> warnings)
    {
        var table = tableName ?? "metadata table";
        if (fm.Year is { } fmYear && fm.Date is { } fmDate && fmDate.Year != fmYear)
        {
            warnings.Add($"front matter 的年份 {fmYear} 与日期 {fmDate:yyyy-MM-dd} 不符，以年份为准 (front matter year {fmYear} differs from its date {fmDate:yyyy-MM-dd}; the year is kept)");
        }

        var (year, yearProvenance) = fm.Year is { } y1 ? (y1, Given(FrontMatterOrigin))
            : fm.Date is { } d1 ? (d1.Year, Given(FrontMatterOrigin))
            : row?.Year is { } y2 ? (y2, Given(table))
            : row?.Date is { } d2 ? (d2.Year, Given(table))
            : MetadataInference.InferYear(text) is { } inferredYear ? (inferredYear.Value, inferredYear.Provenance)
            : ((int?)null, MetadataProvenance.Missing);

        // Only a table's title is mended: front matter is written by hand, an inferred title is built to read as one.
        var repaired = fm.Title is null && row?.Title is { } given ? TitleRepair.Repair(given, text) : null;
        if (repaired is not null)
        {
            warnings.Add($"{(repaired.Derived ? "标题取自正文开头" : "标题已修补")}，{table} 给出的是“{row!.Title}” (title {(repaired.Derived ? "derived from the opening" : "mended")}: {repaired.Rule}; {table} gave '{row!.Title}')");
        }

        var (title, titleProvenance) = fm.Title is { } t1 ? (t1, Given(FrontMatterOrigin))
            : repaired is not null ? (repaired.Title, RepairedProvenance(repaired, table))
            : row?.Title is { } t2 ? (t2, TableTitleProvenance(t2, table, text))
            : MetadataInference.InferTitle(text) is { } inferredTitle ? (inferredTitle.Value, inferredTitle.Provenance)
            : ((string?)null, MetadataProvenance.Missing);

        return new SpeechMetadata
        {
            Title = title,
            TitleProvenance = titleProvenance,
            TitleAsGiven = repaired is null ? null : row!.Title,
            Year = year,
            YearProvenance = yearProvenance,
            Date = fm.Date ?? (fm.Year is null ? row?.Date : null),
            Speaker = fm.Speaker ?? row?.Speaker ?? repaired?.Speaker,
            Organization = fm.Organization ?? row?.Organization,
            Meeting = fm.Meeting ?? row?.Meeting,
            Source = fm.Source ?? row?.Source,
            Category = fm.Category ?? row?.Category,
            Tags = fm.Tags ?? row?.Tags ?? [],
        };
    }

    private static MetadataProvenance Given(string origin) => new(origin, 1.0);

    /// <summary><c>inferred: occasion named in the opening (…)</c> for a derived title, <c>MANIFEST.tsv (title mended: …)</c> for a cleaned one.</summary>
    private static MetadataProvenance RepairedProvenance(RepairedTitle repaired, string table) =>
        new(repaired.Derived ? $"inferred: {repaired.Rule}" : $"{table} (title mended: {repaired.Rule})", repaired.Confidence);

    /// <summary>A table title is trusted unless it looks rough: a salutation, wire-service clutter, or cut mid-sentence out of a flattened first line.</summary>
    private static MetadataProvenance TableTitleProvenance(string title, string table, string text)
    {
        var firstLine = text.AsSpan().TrimStart();
        var end = firstLine.IndexOf('\n');
        firstLine = (end < 0 ? firstLine : firstLine[..end]).Trim();
        var rough =
            TitleRepair.IsAddress(title) ? "a salutation"
            : title.Contains('※', StringComparison.Ordinal) || title.StartsWith("新华社", StringComparison.Ordinal) ? "source clutter"
            : firstLine.Length > title.Length && firstLine.StartsWith(title, StringComparison.Ordinal)
                && firstLine[title.Length] is not ('（' or '(' or '—' or ' ' or '　') ? "cut from a longer first line"
            : null;
        return rough is null ? Given(table) : new MetadataProvenance($"{table} (rough title: {rough})", RoughTitleConfidence);
    }
}
