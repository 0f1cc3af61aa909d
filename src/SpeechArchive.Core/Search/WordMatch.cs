namespace SpeechArchive.Search;

/// <summary>
/// The passages a word or phrase matches (sorted dense ids) with its frequency in each: counted (<paramref name="Frequencies"/>),
/// or, for a word that is one term, the postings' own bytes (<paramref name="TermFrequencies"/>, not copied). One of the two is set.
/// </summary>
internal sealed record WordMatch(QueryWord Word, int[] Docs, int[]? Frequencies, byte[]? TermFrequencies = null)
{
    public int DocFrequency => Docs.Length;

    /// <summary>The word's frequency in its <paramref name="i"/>-th passage.</summary>
    public int Frequency(int i) => TermFrequencies is { } bytes ? bytes[i] : Frequencies![i];

    public static WordMatch Empty(QueryWord word) => new(word, [], []);
}
