using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>Where a passage comes from, as the writers' tools show and cite it.</summary>
public sealed record PassageSource
{
    public required string PassageId { get; init; }
    public required string SpeechId { get; init; }
    /// <summary>The passage's number in its speech (1-based): the reader's anchor is <c>#p-{Number}</c>.</summary>
    public required int Number { get; init; }
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
            Title = s.Title,
            Date = s.Date,
            Year = s.Year,
            Organization = org,
            Speaker = s.Speaker,
            Section = p.SectionPath,
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
