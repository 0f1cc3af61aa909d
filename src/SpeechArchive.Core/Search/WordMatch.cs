namespace SpeechArchive.Search;

/// <summary>The passages a word or phrase matches (sorted dense ids) with its frequency in each.</summary>
internal sealed record WordMatch(QueryWord Word, int[] Docs, int[] Frequencies)
{
    public int DocFrequency => Docs.Length;

    public static WordMatch Empty(QueryWord word) => new(word, [], []);
}
