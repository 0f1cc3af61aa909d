namespace SpeechArchive.Classification;

/// <summary>Characters that cue matching looks through: quotation marks and white space (没有“完成时” matches 没有完成时).</summary>
internal static class TermText
{
    public static bool IsIgnorable(char c) => c switch
    {
        <= ' ' => true,
        '"' or '\'' or '\u0085' or '\u00A0' or '\u1680' or '\u3000' or '\uFEFF' => true,
        < '\u2000' => false,
        <= '\u200B' or '\u2028' or '\u2029' or '\u202F' or '\u205F' => true,
        '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' => true,
        _ => false,
    };

    public static string Normalize(string term)
    {
        var chars = new char[term.Length];
        var n = 0;
        foreach (var c in term)
        {
            if (!IsIgnorable(c))
            {
                chars[n++] = c;
            }
        }

        return new string(chars, 0, n);
    }
}
