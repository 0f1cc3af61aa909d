using System.Globalization;
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
        var number = p.Ordinal + 1;
        return For(index.Speeches[p.Speech], p.Id, number, "p-" + number.ToString(CultureInfo.InvariantCulture), p.SectionPath);
    }

    /// <summary>A section heading of a speech as a source (its section path is the heading's own).</summary>
    public static PassageSource OfHeading(IndexSnapshot index, int speech, SectionInfo section)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(section);
        var s = index.Speeches[speech];
        var anchor = "s-" + (section.Ordinal + 1).ToString(CultureInfo.InvariantCulture);
        return For(s, s.Id + "#" + anchor, 0, anchor, s.TextSpan[section.HeadingStart..section.HeadingEnd].Trim().ToString());
    }

    private static PassageSource For(SpeechInfo s, string passageId, int number, string anchor, string section)
    {
        var org = s.Organization; // a category is a collection, not who spoke: not cited
        return new PassageSource
        {
            PassageId = passageId,
            SpeechId = s.Id,
            Number = number,
            Anchor = anchor,
            Title = s.Title,
            Date = s.Date,
            Year = s.Year,
            Organization = org,
            Speaker = s.Speaker,
            Section = section,
            Citation = Cite(s.Title, s.Speaker, org, s.Date, s.Year, section),
        };
    }

    /// <summary>A citation: 《title》，speaker，organisation，date (else the year)，section — the parts that are known.</summary>
    public static string Cite(string title, string? speaker, string? organization, string? date, int? year, string? section)
    {
        var parts = new[] { "《" + CitedTitle(title) + "》", speaker, organization, DateText(date, year), section };
        return string.Join("，", parts.Where(x => !string.IsNullOrWhiteSpace(x)));
    }

    /// <summary>
    /// A title as a citation prints it inside 《》: half-width brackets, as the shared sets' manifests annotate a title
    /// (全面开创社会主义现代化建设的新局面 (十二大)), become full-width ones without the space before them (…新局面（十二大）),
    /// as Chinese text sets them (a user trial found the half-width ones in a copied citation); brackets holding no Chinese stay.
    /// </summary>
    public static string CitedTitle(string title) =>
        System.Text.RegularExpressions.Regex.Replace(title, @"\s*\(([^()]*\p{IsCJKUnifiedIdeographs}[^()]*)\)", "（$1）"); // (1) and (b) stay as they are

    /// <summary>A speech's date as official writing prints it (2023年5月10日), else its year (2023年); null when neither is known.</summary>
    public static string? DateText(string? date, int? year) => ChineseDate(date) ?? (year is int y ? y + "年" : null);

    /// <summary>A yyyy-MM-dd date as official writing gives it (2023年5月10日); anything else as it is.</summary>
    public static string? ChineseDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日")
            : date;

    /// <summary>The key of a passage whose speech has neither date nor year: after every dated one, oldest first.</summary>
    internal const string Undated = "9999";

    /// <summary>A key that orders passages by date (a year alone sorts before the dates of that year), then by position.</summary>
    internal static string DateKey(IndexSnapshot index, int passage)
    {
        var s = index.Speeches[index.Passages[passage].Speech];
        return s.Date ?? (s.Year is int y ? y.ToString("0000", CultureInfo.InvariantCulture) : Undated);
    }
}
