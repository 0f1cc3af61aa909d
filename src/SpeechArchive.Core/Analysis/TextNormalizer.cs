namespace SpeechArchive.Analysis;

/// <summary>Character folding shared by indexing and querying: full-width ASCII → half-width, ideographic space → space, Latin lower-cased.</summary>
public static class TextNormalizer
{
    // Lookup tables over all 65,536 UTF-16 units: the analyzer folds and classifies every character of the corpus.
    private static readonly char[] FoldTable = BuildFoldTable();
    private static readonly CharKind[] KindTable = BuildKindTable();

    /// <summary>Folds one UTF-16 unit; the result is always one unit, so offsets survive folding.</summary>
    public static char Fold(char c) => FoldTable[c];

    /// <summary>Classifies a folded character.</summary>
    public static CharKind KindOf(char folded) => KindTable[folded];

    private static char[] BuildFoldTable()
    {
        var table = new char[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ComputeFold((char)i);
        }

        return table;
    }

    private static CharKind[] BuildKindTable()
    {
        var table = new CharKind[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ComputeKind((char)i);
        }

        return table;
    }

    private static char ComputeFold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            var ascii = (char)(c - 0xFEE0);
            return ascii is >= 'A' and <= 'Z' ? (char)(ascii + 32) : ascii;
        }

        return c switch
        {
            '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' => ' ',
            _ when char.IsUpper(c) => char.ToLowerInvariant(c),
            _ => c,
        };
    }

    /// <summary>Folds a whole string (same length as the input).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = Fold(s[i]);
            }
        });
    }

    private static CharKind ComputeKind(char folded)
    {
        if (folded is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3007')
        {
            return CharKind.Cjk;
        }

        if (char.IsSurrogate(folded))
        {
            // Supplementary ideographs (Ext. B and later) arrive as surrogate pairs; each unit is treated as CJK so the pair stays together.
            return CharKind.Cjk;
        }

        if (folded is >= 'a' and <= 'z' or >= '0' and <= '9' || char.IsLetterOrDigit(folded))
        {
            return CharKind.Alnum;
        }

        return folded switch
        {
            '*' or '×' or '○' or '□' or '■' or '●' or '◯' or '＊' => CharKind.Mask,
            '。' or '！' or '？' or '!' or '?' or '\n' or '\r' or '…' or '；' or ';' => CharKind.Hard,
            _ => CharKind.Soft,
        };
    }
}
