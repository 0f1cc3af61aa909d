using SpeechArchive.Analysis;

namespace SpeechArchive.Indexing;

/// <summary>The distinct terms of one passage with their frequencies: Han terms as <see cref="TermKey"/>s (sorted), words as text.</summary>
internal sealed record TermVector(long[] Keys, int[] Frequencies, string[] Words, int[] WordFrequencies)
{
    /// <summary>Analyzes text[start..end) into a term vector.</summary>
    public static TermVector Build(string text, int start, int end)
    {
        // The analyzer emits at most one term per character: a per-thread buffer of that size is reused across passages.
        var buffer = scratch is { } b && b.Length >= end - start ? b : scratch = new long[Math.Max(1024, end - start)];
        var sink = new Sink(text, buffer);
        ChineseAnalyzer.Analyze(text, start, end, ref sink);
        var keys = sink.Keys.AsSpan(0, sink.Count);
        keys.Sort();
        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                distinct++;
            }
        }

        var outKeys = new long[distinct];
        var outFreqs = new int[distinct];
        var k = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                outKeys[++k] = keys[i];
            }

            outFreqs[k]++;
        }

        if (sink.Words is null)
        {
            return new TermVector(outKeys, outFreqs, [], []);
        }

        var words = sink.Words.GroupBy(w => w, StringComparer.Ordinal).ToList();
        return new TermVector(outKeys, outFreqs, words.Select(g => g.Key).ToArray(), words.Select(g => g.Count()).ToArray());
    }

    [ThreadStatic]
    private static long[]? scratch;

    private struct Sink(string text, long[] keys) : ITokenSink
    {
        public long[] Keys = keys;
        public int Count;
        public List<string>? Words;

        public void Bigram(char first, char second, int start, int end) => Push(TermKey.Bigram(first, second));

        public void Unigram(char single, int start) => Push(TermKey.Unigram(single));

        public void Word(int start, int end) => (Words ??= []).Add(TextNormalizer.Fold(text[start..end]));

        private void Push(long key)
        {
            if (Count == Keys.Length)
            {
                Array.Resize(ref Keys, Keys.Length * 2);
            }

            Keys[Count++] = key;
        }
    }
}
