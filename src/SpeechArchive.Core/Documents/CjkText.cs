namespace SpeechArchive.Documents;

/// <summary>Character classes for Chinese text: which characters join without a space.</summary>
internal static class CjkText
{
    /// <summary>CJK ideographs, kana, hangul, CJK punctuation and full-width forms (surrogates count: supplementary ideographs).</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF') || char.IsSurrogate(c);

    /// <summary>A CJK ideograph (not punctuation), for measuring how Chinese a decoded text is.</summary>
    public static bool IsIdeograph(char c) =>
        c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Joins two pieces of a wrapped line: no space when either side is CJK, one space between Latin words.</summary>
    public static string JoinSeparator(char before, char after) =>
        IsCjk(before) || IsCjk(after) || char.IsWhiteSpace(before) || char.IsWhiteSpace(after) ? "" : " ";
}
