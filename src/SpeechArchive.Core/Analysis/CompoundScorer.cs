namespace SpeechArchive.Analysis;

/// <summary>
/// Tells a compound from a phrase: how clearly a word made of other words (应当/建立, 食品/安全) beats that split, in word-
/// token log probability, ln P(w) − Σ ln P(part). Phrases of free words (应当建立, 可以依法) beat it narrowly.
/// </summary>
internal sealed class CompoundScorer
{
    private readonly LexiconTrie trie;
    private readonly double logTotal;

    public CompoundScorer(IReadOnlyList<(string Word, long Frequency)> tokens)
    {
        var total = tokens.Sum(w => w.Frequency);
        logTotal = Math.Log(Math.Max(1, total));
        trie = new LexiconTrie(tokens.Where(w => w.Frequency > 0), total);
    }

    /// <summary>The margin of <paramref name="word"/> over its best split when every part is a word of two or more characters; +∞ for any other word.</summary>
    public double Margin(string word, long count)
    {
        if (count <= 0)
        {
            return double.NegativeInfinity;
        }

        Span<double> best = stackalloc double[word.Length + 1];
        Span<int> ends = stackalloc int[word.Length + 1];
        Span<int> nodes = stackalloc int[word.Length + 1];
        trie.BestPath(word, best, ends, nodes, wholeAllowed: false);
        for (var i = 0; i < word.Length; i = ends[i])
        {
            if (ends[i] - i < 2 || nodes[i] < 0)
            {
                return double.PositiveInfinity;
            }
        }

        return Math.Log(count) - logTotal - best[0];
    }
}
