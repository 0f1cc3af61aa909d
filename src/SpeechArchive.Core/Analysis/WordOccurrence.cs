namespace SpeechArchive.Analysis;

/// <summary>
/// How a string occurs in a text a lexicon cut into words: as a word, its ends on word boundaries (管党 | 治党 for 管党治党,
/// 庄 | 稼 for 庄稼), or inside one word whose rest is a word of two characters or more (整村 of 整村 | 推进, 国家标准 of
/// 符合 | 国家标准); or not, across two words (违规违 of 违规 | 违纪, 路排 of 公路 | 排水) or as a fragment of one (民政府 of
/// 人民政府, 想信念 of 理想信念). The archive's learned words (<c>Indexing/ArchiveLexicon.AlignedWithBase</c>) and a query's
/// strings the lexicon does not know (<c>Search/WordMatches.MostlyWhole</c>) are both read this way.
/// </summary>
internal static class WordOccurrence
{
    /// <summary>For each character of a text of <paramref name="length"/> characters, the index of the span of <paramref name="spans"/> holding it, or -1.</summary>
    public static int[] SpanAt(IReadOnlyList<WordSpan> spans, int length)
    {
        var at = new int[length];
        Array.Fill(at, -1);
        for (var i = 0; i < spans.Count; i++)
        {
            for (var c = spans[i].Start; c < spans[i].End; c++)
            {
                at[c] = i;
            }
        }

        return at;
    }

    /// <summary>Whether the text's characters [<paramref name="start"/>, <paramref name="end"/>) occur as a word, in the sense above.</summary>
    public static bool AsWord(IReadOnlyList<WordSpan> spans, int[] spanAt, int start, int end, Lexicon lexicon)
    {
        var (first, last) = (spanAt[start], spanAt[end - 1]);
        if (first < 0 || last < 0)
        {
            return false;
        }

        var (head, tail) = (spans[first], spans[last]);
        if (head.Start == start && tail.End == end)
        {
            return true;
        }

        if (first != last)
        {
            return false;
        }

        var (before, after) = (head.Text[..(start - head.Start)], head.Text[(end - head.Start)..]);
        return (before.Length == 0 || (before.Length > 1 && lexicon.Contains(before))) && (after.Length == 0 || (after.Length > 1 && lexicon.Contains(after)));
    }
}
