using SpeechArchive.Writing;

namespace SpeechArchive.Cli.Commands;

/// <summary>Sort option values of the writers' commands.</summary>
internal static class Sorts
{
    public static ConcordanceSort Concordance(string? value) => value switch
    {
        "left" => ConcordanceSort.Left,
        "right" => ConcordanceSort.Right,
        "date-desc" => ConcordanceSort.DateDescending,
        _ => ConcordanceSort.Date, // date-asc, or date (the older word)
    };
}
