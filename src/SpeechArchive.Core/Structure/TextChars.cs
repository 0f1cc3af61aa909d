using System.Runtime.CompilerServices;
using System.Buffers;

namespace SpeechArchive.Structure;

/// <summary>Character classes the structure parser scans for.</summary>
internal static class TextChars
{
    /// <summary>Sentence ends and the ellipsis, for vectorised search.</summary>
    public static readonly SearchValues<char> EndMarks = SearchValues.Create("。！？!?｡…");

    /// <summary>Sentence ends, the ellipsis and the lead-ins of inline points.</summary>
    public static readonly SearchValues<char> PointTriggers = SearchValues.Create("。！？!?｡…；;：:");

    /// <summary>White space, including U+3000 and U+00A0, plus the invisible BOM and zero-width space.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B';

    /// <summary>Marks that end a sentence on their own (an ellipsis needs two, see <see cref="IsEllipsisPair"/>).</summary>
    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '｡';

    public static bool IsEllipsisPair(string text, int i, int end) => text[i] == '…' && i + 1 < end && text[i + 1] == '…';

    /// <summary>Closing quotes and brackets that stay with the sentence they follow.</summary>
    public static bool IsCloser(char c) => c is '”' or '’' or '」' or '』' or '）' or ')' or '】' or '》' or '〉' or '〕' or ']' or '"';

    /// <summary>Where an over-long sentence may be cut when it has no sentence end.</summary>
    public static bool IsClauseBreak(char c) => c is '，' or ',' or '、' or '；' or ';' or '：' or ':';

    /// <summary>Marks after which a point (一是, 第二，) may begin although the sentence goes on.</summary>
    public static bool IsPointLeadIn(char c) => c is '；' or ';' or '：' or ':';

    /// <summary>Marks that make a line read as a sentence rather than a title or heading.</summary>
    public static bool IsTerminal(char c) => IsSentenceEnd(c) || IsPointLeadIn(c) || c == '…';

    public static bool IsAsciiOrWideDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    public static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    /// <summary>The first index at or after <paramref name="pos"/> that is not white space (or <paramref name="end"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int SkipSpace(string text, int pos, int end)
    {
        while (pos < end && IsSpace(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The end of text[start..end) without its trailing white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
