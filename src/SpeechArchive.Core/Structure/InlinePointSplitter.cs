using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Finds the points a paragraph runs inline (…。一是…。二是…) where it should be split into passages.</summary>
internal static class InlinePointSplitter
{
    /// <summary>Markers inside text(start..end) that begin a new point, in order; <paramref name="lineMarker"/> is the one the paragraph opens with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<PointMarker> Find(string text, int start, int end, PointMarker? lineMarker)
    {
        var candidates = new List<PointMarker>();
        for (int i = start; i < end; i++)
        {
            int found = text.AsSpan(i, end - i).IndexOfAny(TextChars.PointTriggers);
            if (found < 0)
            {
                break;
            }

            i += found;
            int next;
            if (TextChars.IsSentenceEnd(text[i]))
            {
                next = SentenceSplitter.AfterEnd(text, i + 1, end);
            }
            else if (TextChars.IsEllipsisPair(text, i, end))
            {
                next = SentenceSplitter.AfterEnd(text, i + 2, end);
            }
            else if (TextChars.IsPointLeadIn(text[i]))
            {
                next = i + 1;
            }
            else
            {
                continue;
            }

            int at = TextChars.SkipSpace(text, next, end);
            if (PointMarkerReader.TryRead(text, at, end, out PointMarker marker) && marker.Style.CanBeInline())
            {
                candidates.Add(marker);
            }

            i = next - 1;
        }

        return candidates.Count == 0 ? candidates : PointChains.Select(candidates, lineMarker);
    }
}
