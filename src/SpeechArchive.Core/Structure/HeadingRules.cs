using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Whether a numbered line reads as a heading rather than a paragraph that happens to start with a number.</summary>
internal static class HeadingRules
{
    /// <summary>Headings are short; longer numbered lines are paragraphs.</summary>
    public const int MaxHeading = 60;

    /// <summary>A numbered line ending with 。 is still a heading up to this length (第二，一定要搞好整党整风。).</summary>
    public const int MaxTerminatedHeading = 40;

    /// <summary>The heading marker of the line, when the line is a heading.</summary>
    public static bool TryGetHeadingMarker(string text, TextLine line, out PointMarker marker) =>
        PointMarkerReader.TryRead(text, line.Start, line.End, out marker)
        && marker.Style.CanBeHeading()
        && IsHeadingShaped(text, line.Start, line.End);

    /// <summary>Short, one sentence at most, and not ending like a clause (，、；).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsHeadingShaped(string text, int start, int end)
    {
        int length = end - start;
        if (length > MaxHeading)
        {
            return false;
        }

        int body = end;
        while (body > start + 1 && TextChars.IsCloser(text[body - 1]))
        {
            body--;
        }

        char last = text[body - 1];
        if (last is '，' or ',' or '、' or '；' or ';')
        {
            return false;
        }

        int boundary = SentenceSplitter.NextBoundary(text, start, end);
        bool oneSentence = boundary < 0 || TextChars.SkipSpace(text, boundary, end) == end;
        return oneSentence && (!TextChars.IsTerminal(last) || length <= MaxTerminatedHeading);
    }
}
