using SpeechArchive.Analysis;

namespace SpeechArchive.Export;

/// <summary>
/// The lexicon words an archive's text holds. A word list for <c>dictionary_decompounder</c> needs no others: the filter
/// emits every listed word a run contains, so a word found nowhere in the archive could only ever yield a query token
/// that matches nothing, and the words inside it are listed (and found) on their own.
/// </summary>
internal static class ArchiveWords
{
    public static IReadOnlyList<string> Found(IReadOnlyList<string> words, IEnumerable<string> texts)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var trie = new LexiconTrie(words.Select(w => (w, 1L)), words.Count);
        var wordOf = trie.WordIndex(words);
        var found = new bool[words.Count];
        Span<int> ends = stackalloc int[ElasticAnalysis.MaxWordLength + 1];
        Span<int> nodes = stackalloc int[ElasticAnalysis.MaxWordLength + 1];
        foreach (var text in texts)
        {
            var span = text.AsSpan();
            for (var i = 0; i < span.Length; i++)
            {
                var count = trie.Matches(span, i, ends, nodes);
                for (var k = 0; k < count; k++)
                {
                    found[wordOf[nodes[k]]] = true;
                }
            }
        }

        return [.. words.Where((_, i) => found[i])];
    }
}
