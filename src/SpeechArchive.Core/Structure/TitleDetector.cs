using System.Text;

namespace SpeechArchive.Structure;

/// <summary>Finds the title: the opening short line, or two adjacent short lines (title and subtitle), or the metadata title.</summary>
internal static class TitleDetector
{
    public const int MaxTitle = 40;

    /// <summary>The title span, if any, and how many of the leading lines it takes.</summary>
    public static (TextSpan? Title, int Lines) Detect(string text, List<TextLine> lines, string? knownTitle)
    {
        if (lines.Count == 0 || IsSalutation(text, lines[0]))
        {
            return (null, 0);
        }

        int known = string.IsNullOrWhiteSpace(knownTitle) ? 0 : CountKnownTitleLines(text, lines, knownTitle);
        if (known > 0)
        {
            return (new TextSpan(lines[0].Start, lines[known - 1].End), known);
        }

        TextLine first = lines[0];
        if (lines.Count < 2 || !IsTitleShaped(text, first))
        {
            return (null, 0);
        }

        TextLine second = lines[1];
        bool subtitle = lines.Count > 2
            && second.Number == first.Number + 1
            && IsTitleShaped(text, second)
            && !TextChars.IsAsciiOrWideDigit(text[second.Start]);
        return subtitle ? (new TextSpan(first.Start, second.End), 2) : (new TextSpan(first.Start, first.End), 1);
    }

    private static int CountKnownTitleLines(string text, List<TextLine> lines, string knownTitle)
    {
        string known = Normalize(knownTitle.AsSpan());
        string first = Normalize(text.AsSpan(lines[0].Start, lines[0].Length));
        if (first.Length == 0 || !known.Contains(first, StringComparison.Ordinal) || (first.Length < 4 && first != known))
        {
            return 0;
        }

        if (lines.Count < 2 || IsSalutation(text, lines[1]))
        {
            return 1;
        }

        string second = Normalize(text.AsSpan(lines[1].Start, lines[1].Length));
        return second.Length > 0 && known.Contains(first + second, StringComparison.Ordinal) ? 2 : 1;
    }

    /// <summary>Short, unpunctuated, not numbered, not a salutation, and not a bracketed note such as （2017年10月18日）.</summary>
    private static bool IsTitleShaped(string text, TextLine line) =>
        line.Length <= MaxTitle
        && text[line.Start] is not ('（' or '(' or '[' or '【')
        && !TextChars.IsTerminal(text[line.End - 1])
        && SentenceSplitter.NextBoundary(text, line.Start, line.End) < 0
        && !PointMarkerReader.TryRead(text, line.Start, line.End, out _)
        && !IsSalutation(text, line);

    private static bool IsSalutation(string text, TextLine line) => SalutationDetector.MatchEnd(text, line.Start, line.End) > 0;

    /// <summary>Letters and digits only, lower-cased: titles compare without spaces and punctuation.</summary>
    private static string Normalize(ReadOnlySpan<char> value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
