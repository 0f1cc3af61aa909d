using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>Where a passage comes from, as the writers' tools show and cite it.</summary>
public sealed record PassageSource
{
    public required string PassageId { get; init; }
    public required string SpeechId { get; init; }
    /// <summary>The passage's number in its speech (1-based); 0 for a section heading.</summary>
    public required int Number { get; init; }
    /// <summary>The reader's anchor: <c>p-{Number}</c> for a passage, <c>s-{N}</c> for a section heading.</summary>
    public required string Anchor { get; init; }
    public required string Title { get; init; }
    public string? Date { get; init; }
    public int? Year { get; init; }
    public string? Organization { get; init; }
    public string? Speaker { get; init; }
    public required string Section { get; init; }
    /// <summary>《title》，speaker，organisation，date，section.</summary>
    public required string Citation { get; init; }

    public static PassageSource Of(IndexSnapshot index, int passage)
    {
        ArgumentNullException.ThrowIfNull(index);
        var p = index.Passages[passage];
        var s = index.Speeches[p.Speech];
        var date = s.Date ?? (s.Year is int y ? y + "年" : null);
        var org = s.Organization ?? s.Category;
        var parts = new[] { "《" + s.Title + "》", s.Speaker, org, date, p.SectionPath };
        return new PassageSource
        {
            PassageId = p.Id,
            SpeechId = s.Id,
            Number = p.Ordinal + 1,
            Anchor = "p-" + (p.Ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = s.Title,
            Date = s.Date,
            Year = s.Year,
            Organization = org,
            Speaker = s.Speaker,
            Section = p.SectionPath,
            Citation = string.Join("，", parts.Where(x => !string.IsNullOrWhiteSpace(x))),
        };
    }

    /// <summary>A section heading of a speech as a source (its section path is the heading's own).</summary>
    public static PassageSource OfHeading(IndexSnapshot index, int speech, SectionInfo section)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(section);
        var s = index.Speeches[speech];
        var anchor = "s-" + (section.Ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var heading = s.Text[section.HeadingStart..section.HeadingEnd].Trim();
        var date = s.Date ?? (s.Year is int y ? y + "年" : null);
        var org = s.Organization ?? s.Category;
        var parts = new[] { "《" + s.Title + "》", s.Speaker, org, date, heading };
        return new PassageSource
        {
            PassageId = s.Id + "#" + anchor,
            SpeechId = s.Id,
            Number = 0,
            Anchor = anchor,
            Title = s.Title,
            Date = s.Date,
            Year = s.Year,
            Organization = org,
            Speaker = s.Speaker,
            Section = heading,
            Citation = string.Join("，", parts.Where(x => !string.IsNullOrWhiteSpace(x))),
        };
    }

    /// <summary>A key that orders passages by date (a year alone sorts before the dates of that year), then by position.</summary>
    internal static string DateKey(IndexSnapshot index, int passage)
    {
        var s = index.Speeches[index.Passages[passage].Speech];
        return s.Date ?? (s.Year is int y ? y.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) : "9999");
    }
}
