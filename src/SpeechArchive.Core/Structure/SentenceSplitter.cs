using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Splits a passage into sentences at 。！？!? and …… (with any closing quote or bracket that follows).</summary>
internal static class SentenceSplitter
{
    /// <summary>Sentences of text[start..end), trimmed, none empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<TextSpan> Split(string text, int start, int end)
    {
        var sentences = new List<TextSpan>();
        int pos = start;
        while (true)
        {
            pos = TextChars.SkipSpace(text, pos, end);
            if (pos >= end)
            {
                return sentences;
            }

            int boundary = NextBoundary(text, pos, end);
            int stop = boundary < 0 ? end : boundary;
            sentences.Add(new TextSpan(pos, TextChars.TrimEnd(text, pos, stop)));
            pos = stop;
        }
    }

    /// <summary>The index just after the first sentence end in text[pos..limit) and its closers, or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int NextBoundary(string text, int pos, int limit)
    {
        int i = pos;
        while (i < limit)
        {
            int found = text.AsSpan(i, limit - i).IndexOfAny(TextChars.EndMarks);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            if (text[i] != '…')
            {
                return AfterEnd(text, i + 1, limit);
            }

            if (TextChars.IsEllipsisPair(text, i, limit))
            {
                return AfterEnd(text, i + 2, limit);
            }

            i++;
        }

        return -1;
    }

    /// <summary>Past any further end marks (？！, ……。) and then any closing quotes or brackets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int AfterEnd(string text, int pos, int limit)
    {
        while (pos < limit && (TextChars.IsSentenceEnd(text[pos]) || text[pos] == '…'))
        {
            pos++;
        }

        while (pos < limit && TextChars.IsCloser(text[pos]))
        {
            pos++;
        }

        return pos;
    }
}
