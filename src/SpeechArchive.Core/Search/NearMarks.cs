using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// What a clause said nearly as typed marks (a near match, an aligned hit, the reader's whole-clause mark): the span the query
/// aligned with, cut at clause punctuation, each piece without half a word at its edges. One mark from the first aligned
/// character to the last ran across a comma and ended on the 不 of 不敢担当 (&lt;mark&gt;干部中，不愿担当、不&lt;/mark&gt;, a user
/// trial): the alignment bridged the comma and took one more character, but the reader saw a phrase the query never said.
/// </summary>
internal static class NearMarks
{
    /// <summary>Punctuation a mark does not run across (an enumerating 、 is inside a clause, and a mark may bridge it).</summary>
    public const string ClauseEnds = "，。；：！？,;:!?";

    /// <summary>A piece with fewer letters than this is not marked (a lone 不 left after a comma says nothing of the match).</summary>
    public const int ShortestPiece = 2;

    /// <summary>The marks of the passage's match-text span [<paramref name="matchStart"/>, <paramref name="matchEnd"/>) (<see cref="Cut"/>).</summary>
    public static List<(int Start, int End)> Of(PassageInfo passage, int matchStart, int matchEnd, Segmenter segmenter)
    {
        var marks = passage.SourceMarks(matchStart, matchEnd);
        return marks is [var span] ? Cut(passage.SourceText, span, segmenter) : marks;
    }

    /// <summary>
    /// <paramref name="span"/> of <paramref name="text"/> cut at <see cref="ClauseEnds"/>, each piece's edges moved inwards off
    /// half a word (a word of <paramref name="segmenter"/>'s cut running past the edge, or a lone character at the edge that is
    /// a lexicon word with the characters beyond it: the 不 of 不敢) and off punctuation, pieces of fewer than
    /// <see cref="ShortestPiece"/> letters left out; the span as it is when nothing would be left.
    /// </summary>
    public static List<(int Start, int End)> Cut(ReadOnlySpan<char> text, (int Start, int End) span, Segmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        var pieces = new List<(int Start, int End)>();
        var start = span.Start;
        for (var i = span.Start; i <= span.End; i++)
        {
            if (i < span.End && !ClauseEnds.Contains(text[i], StringComparison.Ordinal))
            {
                continue;
            }

            if (Trim(text, start, i, segmenter) is { } piece)
            {
                pieces.Add(piece);
            }

            start = i + 1;
        }

        return pieces.Count > 0 ? pieces : [span];
    }

    private static (int Start, int End)? Trim(ReadOnlySpan<char> text, int start, int end, Segmenter segmenter)
    {
        for (var moved = true; moved && start < end;)
        {
            (start, end) = (Letters(text, start, end, fromStart: true), Letters(text, start, end, fromStart: false));
            var (inStart, inEnd) = (InsideWord(text, start, segmenter, atEnd: false), InsideWord(text, end, segmenter, atEnd: true));
            moved = inStart is not null || inEnd is not null;
            (start, end) = (inStart ?? start, inEnd ?? end);
        }

        var letters = 0;
        for (var i = start; i < end; i++)
        {
            letters += IsLetter(text[i]) ? 1 : 0;
        }

        return letters >= ShortestPiece ? (start, end) : null;
    }

    /// <summary>The first (or, <paramref name="fromStart"/> false, the end past the last) letter of [start, end).</summary>
    private static int Letters(ReadOnlySpan<char> text, int start, int end, bool fromStart)
    {
        if (fromStart)
        {
            while (start < end && !IsLetter(text[start]))
            {
                start++;
            }

            return start;
        }

        while (end > start && !IsLetter(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Where an edge at <paramref name="at"/> cuts a word of the Han run around it (the piece's end when <paramref name="atEnd"/>,
    /// else its start), the edge moved inwards to that word's edge; null where it cuts none.
    /// </summary>
    private static int? InsideWord(ReadOnlySpan<char> text, int at, Segmenter segmenter, bool atEnd)
    {
        if (at <= 0 || at >= text.Length || !HanRuns.IsHan(TextNormalizer.Fold(text[at - 1])) || !HanRuns.IsHan(TextNormalizer.Fold(text[at])))
        {
            return null;
        }

        var (runStart, runEnd) = (at - 1, at + 1);
        while (runStart > 0 && HanRuns.IsHan(TextNormalizer.Fold(text[runStart - 1])))
        {
            runStart--;
        }

        while (runEnd < text.Length && HanRuns.IsHan(TextNormalizer.Fold(text[runEnd])))
        {
            runEnd++;
        }

        var run = text[runStart..runEnd].ToString();
        var cut = at - runStart;
        foreach (var word in segmenter.Segment(run))
        {
            if (word.Start < cut && word.End > cut)
            {
                // A word of the cut runs across the edge: half of it is inside when that part is a lone character or no word
                // (一|些 of 有些干部); a word inside with a character beyond it (坚持 of 要|坚持, the lexicon's 要坚持) is whole.
                var inner = atEnd ? run[word.Start..cut] : run[cut..word.End];
                return inner.Length == 1 || !segmenter.Lexicon.Contains(inner) ? runStart + (atEnd ? word.Start : word.End) : null;
            }

            var lone = atEnd ? word.End == cut && word.Start == cut - 1 : word.Start == cut && word.End == cut + 1;
            if (lone && BeginsWord(run, cut, atEnd, segmenter.Lexicon))
            {
                return runStart + (atEnd ? word.Start : word.End); // the lone character is half a lexicon word beyond the edge
            }
        }

        return null;
    }

    /// <summary>Whether the character inside the edge at <paramref name="cut"/> and some characters beyond it make a lexicon word.</summary>
    private static bool BeginsWord(string run, int cut, bool atEnd, Lexicon lexicon)
    {
        for (var beyond = 1; beyond < lexicon.MaxWordLength; beyond++)
        {
            var word = atEnd
                ? (cut + beyond <= run.Length ? run[(cut - 1)..(cut + beyond)] : null)
                : (cut - beyond >= 0 ? run[(cut - beyond)..(cut + 1)] : null);
            if (word is null)
            {
                return false;
            }

            if (lexicon.Contains(TextNormalizer.Fold(word)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetter(char c) => TextNormalizer.KindOf(TextNormalizer.Fold(c)) is CharKind.Cjk or CharKind.Alnum;
}
