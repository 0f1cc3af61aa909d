using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Reads numbering markers: 一、 （一） 1. （1） 第一， 第一部分 第一章 第一条 一是 一要.</summary>
internal static class PointMarkerReader
{
    /// <summary>Reads the marker that begins at <paramref name="pos"/>, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(string text, int pos, int end, out PointMarker marker)
    {
        marker = default;
        if (pos >= end)
        {
            return false;
        }

        char c = text[pos];
        if (c == '第')
        {
            return TryReadOrdinal(text, pos, end, out marker);
        }

        if (c is '（' or '(')
        {
            return TryReadParenthesized(text, pos, end, out marker);
        }

        if (TextChars.IsAsciiOrWideDigit(c))
        {
            return TryReadDigits(text, pos, end, out marker);
        }

        return TryReadChinese(text, pos, end, out marker);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadOrdinal(string text, int pos, int end, out PointMarker marker)
    {
        marker = default;
        if (!ChineseNumeral.TryRead(text, pos + 1, end, out int number, out int length) || pos + 1 + length >= end)
        {
            return false;
        }

        int k = pos + 1 + length;
        (MarkerStyle style, int after) = text[k] switch
        {
            '，' or ',' or '、' or '：' or ':' => (MarkerStyle.Ordinal, k + 1),
            '部' when k + 1 < end && text[k + 1] == '分' => (MarkerStyle.Part, k + 2),
            '编' => (MarkerStyle.Part, k + 1),
            '章' => (MarkerStyle.Chapter, k + 1),
            '节' => (MarkerStyle.Division, k + 1),
            '条' when k + 1 == end || TextChars.IsSpace(text[k + 1]) => (MarkerStyle.Article, k + 1),
            _ => (MarkerStyle.None, k),
        };
        if (style == MarkerStyle.None)
        {
            return false;
        }

        marker = new PointMarker(style, number, pos, after - pos);
        return true;
    }

    private static bool TryReadParenthesized(string text, int pos, int end, out PointMarker marker)
    {
        marker = default;
        int k = pos + 1;
        MarkerStyle style;
        int number;
        if (ChineseNumeral.TryRead(text, k, end, out number, out int length))
        {
            style = MarkerStyle.CnParen;
        }
        else
        {
            length = ReadDigits(text, k, end, out number);
            style = MarkerStyle.DigitParen;
        }

        k += length;
        if (length == 0 || k >= end || text[k] is not ('）' or ')'))
        {
            return false;
        }

        marker = new PointMarker(style, number, pos, k + 1 - pos);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadDigits(string text, int pos, int end, out PointMarker marker)
    {
        marker = default;
        int length = ReadDigits(text, pos, end, out int number);
        int k = pos + length;
        if (length == 0 || k >= end)
        {
            return false;
        }

        bool decimalPoint = text[k] is '.' or '．' && k + 1 < end && TextChars.IsAsciiOrWideDigit(text[k + 1]);
        if (text[k] is not ('、' or '.' or '．') || decimalPoint)
        {
            return false;
        }

        marker = new PointMarker(MarkerStyle.Digit, number, pos, k + 1 - pos);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadChinese(string text, int pos, int end, out PointMarker marker)
    {
        marker = default;
        if (!ChineseNumeral.TryRead(text, pos, end, out int number, out int length) || pos + length >= end)
        {
            return false;
        }

        int k = pos + length;
        char next = k + 1 < end ? text[k + 1] : '\0';
        MarkerStyle style = text[k] switch
        {
            '、' or '．' => MarkerStyle.CnComma,
            '是' => MarkerStyle.Shi,
            // 一要求, 一要素 are words, not points.
            '要' when next is not ('求' or '素' or '件' or '点') => MarkerStyle.Yao,
            _ => MarkerStyle.None,
        };
        if (style == MarkerStyle.None)
        {
            return false;
        }

        marker = new PointMarker(style, number, pos, length + 1);
        return true;
    }

    private static int ReadDigits(string text, int pos, int end, out int number)
    {
        number = 0;
        int k = pos;
        while (k < end && k - pos < 3 && TextChars.IsAsciiOrWideDigit(text[k]))
        {
            number = (number * 10) + TextChars.DigitValue(text[k]);
            k++;
        }

        // Four digits and more are years or amounts, not list numbers.
        return k < end && TextChars.IsAsciiOrWideDigit(text[k]) ? 0 : k - pos;
    }
}
