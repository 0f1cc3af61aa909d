namespace SpeechArchive.Web.Api;

/// <summary>
/// The names CSV exports download under: what was exported and, for a search, which rows (检索_全面从严治党_1-1000.csv), so
/// the parts of one export and the exports of several searches do not all arrive as search.csv, search (1).csv, … (a user
/// trial). Characters no file system takes are dropped; the subject is cut to <see cref="MaxSubject"/> characters.
/// </summary>
internal static class ExportNames
{
    public const int MaxSubject = 30;

    public static string Search(string? query, int offset, int rows) =>
        rows > 0 ? $"检索_{Subject(query, "全部")}_{offset + 1}-{offset + rows}.csv" : $"检索_{Subject(query, "全部")}_无结果.csv";

    public static string Concordance(string phrase) => $"用例_{Subject(phrase, "短语")}.csv";

    public static string Trends(IEnumerable<string> phrases) => $"趋势_{Subject(string.Join(' ', phrases), "短语")}.csv";

    public const string ThemeTrends = "主题趋势.csv";

    /// <summary>The text as part of a file name: spaces as _, no path or reserved characters, at most <see cref="MaxSubject"/> characters.</summary>
    internal static string Subject(string? text, string fallback)
    {
        var kept = new System.Text.StringBuilder();
        foreach (var c in (text ?? "").Trim())
        {
            if (kept.Length == MaxSubject)
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                if (kept.Length > 0 && kept[^1] != '_')
                {
                    kept.Append('_');
                }
            }
            else if (!char.IsControl(c) && c is not ('/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '.') && !char.IsSurrogate(c)
                && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format) // no right-to-left override disguising the name
            {
                kept.Append(c);
            }
        }

        var subject = kept.ToString().Trim('_');
        return subject.Length > 0 ? subject : fallback;
    }
}
