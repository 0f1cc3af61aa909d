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

    /// <summary>How many passages hold the word: its passages', or for a match cut down to some passages (<see cref="Within"/>), the whole match's.</summary>
    public int DocFrequency => wholeFrequency ?? Docs.Length;

    private int? wholeFrequency;

    /// <summary>
    /// The match within <paramref name="docs"/> (sorted): those of its passages, with their frequencies, keeping the whole match's
    /// <see cref="DocFrequency"/> (so BM25's idf) and heading coverage. Scoring it scores those passages as the whole match does.
    /// </summary>
    public WordMatch Within(int[] docs)
    {
        var kept = new List<int>(Math.Min(docs.Length, Docs.Length));
        var frequencies = new List<int>(kept.Capacity);
        var at = 0;
        if (docs.Length <= Docs.Length)
        {
            foreach (var doc in docs)
            {
                if ((at = PostingsMath.Gallop(Docs, at, doc)) >= Docs.Length)
                {
                    break;
                }

                if (Docs[at] == doc)
                {
                    kept.Add(doc);
                    frequencies.Add(Frequency(at));
                }
            }
        }
        else
        {
            for (var i = 0; i < Docs.Length; i++)
            {
                if ((at = PostingsMath.Gallop(docs, at, Docs[i])) >= docs.Length)
                {
                    break;
                }

                if (docs[at] == Docs[i])
                {
                    kept.Add(Docs[i]);
                    frequencies.Add(Frequency(i));
                }
            }
        }

        return new WordMatch(Word, [.. kept], [.. frequencies]) { HeadingCoverage = HeadingCoverage, wholeFrequency = DocFrequency };
    }

    /// <summary>The word's frequency in its <paramref name="i"/>-th passage.</summary>
    public int Frequency(int i) => TermFrequencies is { } bytes ? bytes[i] : Frequencies![i];

    public static WordMatch Empty(QueryWord word) => new(word, [], []);
}
