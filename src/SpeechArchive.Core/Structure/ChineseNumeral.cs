namespace SpeechArchive.Structure;

/// <summary>Reads the small Chinese numerals of point markers: 一 … 九十九.</summary>
internal static class ChineseNumeral
{
    public static bool TryRead(string text, int pos, int end, out int value, out int length)
    {
        value = 0;
        length = 0;
        if (pos >= end)
        {
            return false;
        }

        int first = Digit(text[pos]);
        if (first > 0)
        {
            value = first;
            length = 1;
            if (pos + 1 < end && text[pos + 1] == '十')
            {
                value = first * 10;
                length = 2;
                AddUnits(text, pos + 2, end, ref value, ref length);
            }

            return true;
        }

        if (text[pos] == '十')
        {
            value = 10;
            length = 1;
            AddUnits(text, pos + 1, end, ref value, ref length);
            return true;
        }

        return false;
    }

    private static void AddUnits(string text, int pos, int end, ref int value, ref int length)
    {
        int units = pos < end ? Digit(text[pos]) : 0;
        if (units > 0)
        {
            value += units;
            length++;
        }
    }

    private static int Digit(char c) => c switch
    {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };
}
