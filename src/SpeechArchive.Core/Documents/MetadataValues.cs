using System.Globalization;

namespace SpeechArchive.Documents;

/// <summary>Parsing of metadata values shared by front matter and metadata tables.</summary>
internal static class MetadataValues
{
    public const int MinYear = 1000;
    public const int MaxYear = 2999;

    private static readonly char[] TagSeparators = [',', '，', '、', ';', '；', '|'];

    public static bool TryParseYear(string text, out int year) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= MinYear and <= MaxYear;

    /// <summary>YYYY-MM-DD (or YYYY-M-D); a time after it (2022-06-10T09:00, 2022-06-10 09:00) is ignored.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        text = text.Trim();
        var time = text.IndexOfAny(['T', ' ']);
        if (time >= 8)
        {
            text = text[..time];
        }

        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year is >= MinYear and <= MaxYear;
    }

    public static IReadOnlyList<string> SplitTags(string? text) =>
        text is null ? [] : CleanTags(text.Split(TagSeparators));

    public static IReadOnlyList<string> CleanTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
