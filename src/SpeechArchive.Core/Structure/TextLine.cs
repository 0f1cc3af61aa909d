using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>A non-blank line: its 0-based line number, where the raw line starts, and its trimmed range [Start, End).</summary>
internal readonly record struct TextLine(int Number, int RawStart, int Start, int End)
{
    public int Length => End - Start;

    /// <summary>The non-blank lines of <paramref name="text"/> (LF-separated; a CR is trimmed like white space).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<TextLine> ReadAll(string text)
    {
        var lines = new List<TextLine>();
        int number = 0;
        int rawStart = 0;
        while (rawStart <= text.Length)
        {
            int newline = text.IndexOf('\n', rawStart);
            int rawEnd = newline < 0 ? text.Length : newline;
            int start = TextChars.SkipSpace(text, rawStart, rawEnd);
            int end = TextChars.TrimEnd(text, start, rawEnd);
            if (end > start)
            {
                lines.Add(new TextLine(number, rawStart, start, end));
            }

            if (newline < 0)
            {
                break;
            }

            rawStart = newline + 1;
            number++;
        }

        return lines;
    }

    /// <summary>Index in <paramref name="lines"/> of the line holding offset <paramref name="offset"/>, or -1 when it is blank or outside.</summary>
    public static int IndexAt(List<TextLine> lines, int offset)
    {
        int low = 0;
        int high = lines.Count - 1;
        int found = -1;
        while (low <= high)
        {
            int mid = low + ((high - low) / 2);
            if (lines[mid].RawStart <= offset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found >= 0 && offset < lines[found].End ? found : -1;
    }
}
