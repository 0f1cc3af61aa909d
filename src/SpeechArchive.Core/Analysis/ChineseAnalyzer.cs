namespace SpeechArchive.Analysis;

/// <summary>
/// The analyzer used at index and at query time. Stages, in one pass: fold characters (<see cref="TextNormalizer"/>) →
/// classify them (<see cref="CharKind"/>) → CJK bigrams that bridge soft punctuation but stop at sentence ends and masks,
/// unigrams for isolated Han characters, and Latin/digit words; runs of x/X (xx区) are masks, not words.
/// </summary>
public static class ChineseAnalyzer
{
    /// <summary>Analyzes <paramref name="text"/> into tokens with positions and offsets.</summary>
    public static IReadOnlyList<Token> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink(text);
        Analyze(text, 0, text.Length, ref sink);
        return sink.Tokens;
    }

    internal static void Analyze<TSink>(string text, int from, int to, ref TSink sink)
        where TSink : ITokenSink
    {
        var previousCjk = -1;     // index of the last Han char of the current bridged run, or -1 after a break
        var runLength = 0;        // Han chars in the current bridged run
        var i = from;
        while (i < to)
        {
            var c = TextNormalizer.Fold(text[i]);
            var kind = TextNormalizer.KindOf(c);
            switch (kind)
            {
                case CharKind.Cjk:
                    if (previousCjk >= 0)
                    {
                        sink.Bigram(TextNormalizer.Fold(text[previousCjk]), c, previousCjk, i + 1);
                    }

                    previousCjk = i;
                    runLength++;
                    i++;
                    break;
                case CharKind.Soft:
                    i++;
                    break;
                case CharKind.Alnum:
                    EndRun(text, ref sink, ref previousCjk, ref runLength);
                    var end = i + 1;
                    while (end < to && TextNormalizer.KindOf(TextNormalizer.Fold(text[end])) == CharKind.Alnum)
                    {
                        end++;
                    }

                    if (!IsXMask(text, i, end))
                    {
                        sink.Word(i, end);
                    }

                    i = end;
                    break;
                default:
                    EndRun(text, ref sink, ref previousCjk, ref runLength);
                    i++;
                    break;
            }
        }

        EndRun(text, ref sink, ref previousCjk, ref runLength);
    }

    /// <summary>True for a run like xx or XXX standing for a masked name.</summary>
    internal static bool IsXMask(ReadOnlySpan<char> text, int start, int end)
    {
        if (end - start < 2)
        {
            return false;
        }

        for (var k = start; k < end; k++)
        {
            if (TextNormalizer.Fold(text[k]) != 'x')
            {
                return false;
            }
        }

        return true;
    }

    private static void EndRun<TSink>(string text, ref TSink sink, ref int previousCjk, ref int runLength)
        where TSink : ITokenSink
    {
        if (runLength == 1)
        {
            sink.Unigram(TextNormalizer.Fold(text[previousCjk]), previousCjk);
        }

        previousCjk = -1;
        runLength = 0;
    }

    private struct ListSink(string text) : ITokenSink
    {
        public List<Token> Tokens { get; } = [];

        public readonly void Bigram(char first, char second, int start, int end) =>
            Tokens.Add(new Token(string.Concat(first, second), TokenType.Bigram, Tokens.Count, start, end));

        public readonly void Unigram(char single, int start) =>
            Tokens.Add(new Token(single.ToString(), TokenType.Unigram, Tokens.Count, start, start + 1));

        public readonly void Word(int start, int end) =>
            Tokens.Add(new Token(TextNormalizer.Fold(text[start..end]), TokenType.Word, Tokens.Count, start, end));
    }
}
