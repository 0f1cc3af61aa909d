using SpeechArchive.Writing;

namespace SpeechArchive.Web.Presentation;

/// <summary>A speech's date as the pages print it, as Chinese official writing does (2023年5月10日), else its year (2023年).</summary>
internal static class DateLabel
{
    public static string? Of(string? date, int? year) => PassageSource.ChineseDate(date) ?? (year is int y ? y + "年" : null);
}
