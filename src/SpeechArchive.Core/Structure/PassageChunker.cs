using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Cuts an over-long paragraph into passages of about 300–600 characters at sentence ends.</summary>
internal static class PassageChunker
{
    /// <summary>Paragraphs up to this length stay whole.</summary>
    public const int MaxParagraph = 800;

    public const int MinChunk = 300;

    public const int MaxChunk = 600;

    /// <summary>A sentence longer than this is cut at a comma, or hard.</summary>
    public const int MaxSentence = 1000;

    /// <summary>The smallest piece a 600–800 character remainder is split into.</summary>
    private const int MinTail = 200;

    /// <summary>Appends the passages of the trimmed range text[start..end) to <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Cut(string text, int start, int end, List<TextSpan> into)
    {
        int cur = start;
        if (end - start > MaxParagraph)
        {
            while (end - cur > MaxChunk)
            {
                int cut = end - cur <= MaxParagraph ? CutNearMiddle(text, cur, end) : CutForward(text, cur, end);
                if (cut < 0)
                {
                    break;
                }

                Add(text, cur, cut, into);
                cur = TextChars.SkipSpace(text, cut, end);
            }
        }

        Add(text, cur, end, into);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CutForward(string text, int cur, int end)
    {
        int limit = Math.Min(end, cur + MaxSentence);
        int lastShort = -1;
        int lastInRange = -1;
        int pos = cur;
        while (true)
        {
            int boundary = SentenceSplitter.NextBoundary(text, pos, limit);
            if (boundary < 0)
            {
                break;
            }

            if (boundary - cur > MaxChunk)
            {
                return lastInRange > 0 ? lastInRange : boundary;
            }

            if (boundary - cur >= MinChunk)
            {
                lastInRange = boundary;
            }
            else
            {
                lastShort = boundary;
            }

            pos = boundary;
        }

        if (lastInRange > 0)
        {
            return lastInRange;
        }

        // Never cut inside a sentence that could still end within the limit.
        return lastShort > 0 ? lastShort : CutLongSentence(text, cur, limit);
    }

    private static int CutLongSentence(string text, int cur, int limit)
    {
        for (int i = limit - 1; i >= cur + MinChunk; i--)
        {
            if (TextChars.IsClauseBreak(text[i]))
            {
                return i + 1;
            }
        }

        int cut = limit;
        if (char.IsHighSurrogate(text[cut - 1]) && cut - 1 > cur)
        {
            cut--;
        }

        return cut;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CutNearMiddle(string text, int cur, int end)
    {
        int middle = cur + ((end - cur) / 2);
        int best = -1;
        int pos = cur;
        while (true)
        {
            int boundary = SentenceSplitter.NextBoundary(text, pos, end);
            if (boundary < 0 || end - boundary < MinTail)
            {
                return best;
            }

            if (boundary - cur >= MinTail && (best < 0 || Math.Abs(boundary - middle) < Math.Abs(best - middle)))
            {
                best = boundary;
            }

            pos = boundary;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add(string text, int start, int end, List<TextSpan> into)
    {
        start = TextChars.SkipSpace(text, start, end);
        end = TextChars.TrimEnd(text, start, end);
        if (end > start)
        {
            into.Add(new TextSpan(start, end));
        }
    }
}
