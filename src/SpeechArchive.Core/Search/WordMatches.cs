namespace SpeechArchive.Search;

/// <summary>
/// The match stage of one search: each word's passages (<see cref="Matcher"/>), matched once and shared by the stages that
/// need them — understanding (how many passages hold a word), ranking, and the near matches' exclusions.
/// </summary>
internal sealed class WordMatches(IndexSnapshot index)
{
    private readonly Dictionary<(QueryWord, bool), WordMatch> matches = [];

    /// <summary>The passages holding <paramref name="word"/>, and with <paramref name="headings"/> those under a heading or title holding it.</summary>
    public WordMatch Get(QueryWord word, bool headings = true)
    {
        if (!matches.TryGetValue((word, headings), out var match))
        {
            match = Matcher.Match(index, word, headings);
            matches[(word, headings)] = match;
        }

        return match;
    }

    /// <summary>The passages whose own text holds <paramref name="word"/> (a word of free text).</summary>
    public WordMatch InText(QueryWord word) => Get(word, headings: false);
}
