namespace SpeechArchive.Analysis;

/// <summary>
/// Compact 64-bit keys for index terms: a Han bigram or unigram is its two UTF-16 units packed below bit 32;
/// a Latin/digit word is 2^32 plus its id in a word dictionary.
/// </summary>
public static class TermKey
{
    public const long WordBase = 1L << 32;

    public static long Bigram(char first, char second) => ((long)first << 16) | second;

    public static long Unigram(char single) => (long)single << 16;

    public static long Word(int wordId) => WordBase + wordId;

    public static bool IsWord(long key) => key >= WordBase;

    /// <summary>The term text of a Han key.</summary>
    public static string HanText(long key)
    {
        var first = (char)(key >> 16);
        var second = (char)(key & 0xFFFF);
        return second == 0 ? first.ToString() : string.Concat(first, second);
    }

    /// <summary>True when the stored term text is a Han bigram/unigram rather than a word.</summary>
    public static bool IsHanText(string term) =>
        term.Length is 1 or 2 && TextNormalizer.KindOf(term[0]) == CharKind.Cjk && (term.Length == 1 || TextNormalizer.KindOf(term[1]) == CharKind.Cjk);

    public static long FromHanText(string term) => term.Length == 1 ? Unigram(term[0]) : Bigram(term[0], term[1]);
}
