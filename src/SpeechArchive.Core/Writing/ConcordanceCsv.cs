using System.Text;

namespace SpeechArchive.Writing;

/// <summary>Concordance lines as CSV (RFC 4180): date, left, hit, right, then where it is and its citation.</summary>
public static class ConcordanceCsv
{
    public static string Write(IEnumerable<ConcordanceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sb = new StringBuilder();
        Csv.Row(sb, "date", "left", "hit", "right", "title", "organization", "speaker", "section", "citation", "passage_id", "duplicate_of");
        foreach (var l in lines)
        {
            var s = l.Source;
            Csv.Row(sb, s.Date ?? s.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", l.Left, l.Hit, l.Right,
                "《" + s.Title + "》", s.Organization ?? "", s.Speaker ?? "", s.Section, s.Citation, s.PassageId, l.DuplicateOf ?? "");
        }

        return sb.ToString();
    }
}
