namespace SpeechArchive.Classification;

/// <summary>Finds where a sentence's body begins: after white space and a leading point marker (一是, 第一，, 一、, （一）, 1.).</summary>
internal static class SentenceBody
{
    private const string Numerals = "一二三四五六七八九十";

    public static int BodyStart(ReadOnlySpan<char> text, int start, int end)
    {
        var i = SkipSpace(text, start, end);
        var marker = MarkerLength(text, i, end);
        return marker > 0 ? SkipSpace(text, i + marker, end) : i;
    }

    /// <summary>Length of the point marker at <paramref name="i"/>, or 0.</summary>
    public static int MarkerLength(ReadOnlySpan<char> text, int i, int end)
    {
        if (i >= end)
        {
            return 0;
        }

        var c = text[i];
        if (c == '第')
        {
            var n = CountNumerals(text, i + 1, end);
            return n > 0 && i + 1 + n < end && text[i + 1 + n] is '，' or '、' or ',' or '：' ? n + 2 : 0;
        }

        if (c is '（' or '(')
        {
            var n = CountNumerals(text, i + 1, end);
            n = n > 0 ? n : CountDigits(text, i + 1, end);
            return n > 0 && i + 1 + n < end && text[i + 1 + n] is '）' or ')' ? n + 2 : 0;
        }

        var numerals = CountNumerals(text, i, end);
        if (numerals > 0 && numerals <= 3 && i + numerals < end)
        {
            return text[i + numerals] is '是' or '、' ? numerals + 1 : 0;
        }

        var digits = CountDigits(text, i, end);
        if (digits is > 0 and <= 2 && i + digits < end && text[i + digits] is '.' or '、' or '．')
        {
            var after = i + digits + 1;
            return after < end && char.IsAsciiDigit(text[after]) ? 0 : digits + 1;
        }

        return 0;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int CountNumerals(ReadOnlySpan<char> text, int i, int end)
    {
        var n = 0;
        while (i + n < end && Numerals.Contains(text[i + n], StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static int CountDigits(ReadOnlySpan<char> text, int i, int end)
    {
        var n = 0;
        while (i + n < end && char.IsAsciiDigit(text[i + n]))
        {
            n++;
        }

        return n;
    }
}
