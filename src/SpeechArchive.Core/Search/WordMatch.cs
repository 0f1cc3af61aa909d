namespace SpeechArchive.Search;

/// <summary>
/// The passages a word or phrase matches (sorted dense ids) with its frequency in each: counted (<paramref name="Frequencies"/>),
/// or, for a word that is one term, the postings' own bytes (<paramref name="TermFrequencies"/>, not copied). One of the two is set.
/// </summary>
internal sealed record WordMatch(QueryWord Word, int[] Docs, int[]? Frequencies, byte[]? TermFrequencies = null)
{
    /// <summary>
    /// Passages that match because a heading or title over them holds the word (<see cref="HeadingHits"/>), each with the share
    /// of that heading the word covers; their frequency counts the passage's own text only (often 0). Null: none.
    /// </summary>
    public Dictionary<int, double>? HeadingCoverage { get; init; }

    public int DocFrequency => Docs.Length;

    /// <summary>The word's frequency in its <paramref name="i"/>-th passage.</summary>
    public int Frequency(int i) => TermFrequencies is { } bytes ? bytes[i] : Frequencies![i];

    public static WordMatch Empty(QueryWord word) => new(word, [], []);
}
