using System.Globalization;
using System.Text;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// A search's hits as CSV, for an analyst's spreadsheet: one row a hit, in the order the search gives them (rank), with how it
/// matched, where it stands, its labels by name, its whole text (not the snippet) and a citation a writer can paste.
/// </summary>
public static class SearchCsv
{
    public static string Write(IndexSnapshot index, SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        Csv.Row(sb, "rank", "match", "date", "title", "organization", "speaker", "category", "section", "text", "themes", "directive_types",
            "citation", "passage_id", "printed_also_in");
        var rank = result.Offset;
        foreach (var hit in result.Hits)
        {
            rank++;
            var source = index.FindPassage(hit.PassageId) is int doc ? PassageSource.Of(index, doc) : null;
            Csv.Row(sb, rank.ToString(CultureInfo.InvariantCulture), hit.Match, hit.Date ?? hit.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                "《" + hit.Title + "》", hit.Organization ?? "", source?.Speaker ?? "", hit.Category ?? "", hit.Section, hit.Text,
                string.Join("、", hit.Themes.Select(index.LabelOfTheme)), string.Join("、", hit.DirectiveTypes.Select(index.LabelOfDirectiveType)),
                source?.Citation ?? "", hit.PassageId, string.Join(" ", hit.Reprints.Select(r => r.PassageId)));
        }

        return sb.ToString();
    }
}
