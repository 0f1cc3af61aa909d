namespace SpeechArchive.Analysis;

/// <summary>
/// Character folding shared by indexing and querying: full-width ASCII → half-width, ideographic space → space, Latin
/// lower-cased, traditional characters → simplified (<c>TraditionalFold.tsv</c>: 從嚴治黨 is matched as 从严治党, so the 1954
/// government work report and the 1923 congress report, printed in traditional characters, are found by simplified queries).
/// </summary>
public static class TextNormalizer
{
    // Read before the tables below are built from it (static fields initialize in the order written).
    private static readonly Dictionary<char, char> Simplified = LoadSimplified();

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

        if (Simplified.TryGetValue(c, out var simplified))
        {
            return simplified;
        }

        return c switch
        {
            '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' => ' ',
            _ when char.IsUpper(c) => char.ToLowerInvariant(c),
            _ => c,
        };
    }

    /// <summary>How many traditional characters fold to simplified ones.</summary>
    public static int TraditionalCharacters => Simplified.Count;

    private const string SimplifiedResource = "SpeechArchive.Analysis.TraditionalFold.tsv";

    /// <summary>The traditional characters and the simplified ones they fold to (one UTF-16 unit each, so offsets survive).</summary>
    private static Dictionary<char, char> LoadSimplified()
    {
        using var stream = typeof(TextNormalizer).Assembly.GetManifestResourceStream(SimplifiedResource)
            ?? throw new InvalidOperationException($"{SimplifiedResource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 3 && line[1] == '\t')
            {
                map[line[0]] = line[2];
            }
        }

        return map;
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
