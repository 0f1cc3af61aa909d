namespace SpeechArchive.Analysis;

/// <summary>
/// The form in which phrases are matched: folded, soft punctuation dropped (a single space kept between two Latin/digit
/// runs), sentence ends as '\n', masks as '\u0001'. Built identically for passages and query words, so a plain ordinal
/// substring search is a phrase match that 不敢腐、不能腐 and 不敢腐不能腐 both satisfy.
/// </summary>
public static class MatchText
{
    public const char Break = '\n';
    public const char Mask = '\u0001';

    /// <summary>
    /// Builds the match form of text[start..end); when <paramref name="offsets"/> is given, records for each of its
    /// characters the offset in <paramref name="text"/> it came from.
    /// </summary>
    public static string Build(ReadOnlySpan<char> text, int start, int end, List<int>? offsets = null)
    {
        var length = end - start; // the match form is never longer than its source
        char[]? rented = null;
        var buffer = length <= 1024 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        var n = Fill(text, start, end, buffer, write: true, offsets);
        var result = new string(buffer[..n]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>
    /// The shortest reading whose halves may be swapped across a clause mark: two clauses of four characters or so (a shorter
    /// one's halves are a word each, and 从严治党，全面加强 would read as 全面从严治党 turned round).
    /// </summary>
    public const int MinRotatedReading = 8;

    /// <summary>
    /// As <see cref="Build"/>, but a clause mark (<see cref="IsClauseMark"/>: ，、：——) ends a clause as a sentence end does,
    /// unless the characters either side of it are consecutive in <paramref name="reading"/>: for 全面从严治党 the text
    /// 从严治党，全面加强 becomes 从严治党\n全面加强, while for 不敢腐不能腐 the text 不敢腐、不能腐 stays 不敢腐不能腐. A reading of
    /// <see cref="MinRotatedReading"/> characters or more may also be read with its halves swapped across a mark (its last
    /// character, then its first: 永远在路上，全面从严治党 for 全面从严治党永远在路上). <paramref name="offsets"/> is filled as by
    /// <see cref="Build"/>; a clause end maps to its mark.
    /// </summary>
    public static string BuildClauses(ReadOnlySpan<char> text, int start, int end, List<int> offsets, string reading)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(reading);
        var from = offsets.Count;
        var plain = Build(text, start, end, offsets);
        var built = new System.Text.StringBuilder(plain.Length);
        var kept = new List<int>(plain.Length);
        Span<char> pair = stackalloc char[2];
        for (var k = 0; k < plain.Length; k++)
        {
            var at = offsets[from + k];
            // The space kept between two words or numbers (十三五 十四五) stands where the marks were: the mark is looked for
            // between the characters either side of it, and a clause end takes its place.
            var before = k > 1 && plain[k - 1] == ' ' && !IsAlnum(plain[k]) ? k - 2 : k - 1; // between Latin words (1 000) as before
            // A masked name beside a mark is read like any character: 转作风，**局党的建设 ends a clause after 作风 (the mask
            // is one character of the match form, so the mark is looked for between it and its neighbour as between two others).
            if (before >= 0 && plain[k] != ' ' && plain[before] != Break && plain[k] != Break)
            {
                var after = offsets[from + before] + 1;
                var mark = ClauseMark(text[after..at]);
                pair[0] = plain[before];
                pair[1] = plain[k];
                var rotationJoin = reading.Length >= MinRotatedReading && pair[0] == reading[^1] && pair[1] == reading[0];
                if (mark >= 0 && !rotationJoin && !reading.AsSpan().Contains(pair, StringComparison.Ordinal))
                {
                    if (before == k - 2)
                    {
                        built.Length--;
                        kept.RemoveAt(kept.Count - 1);
                    }

                    built.Append(Break);
                    kept.Add(after + mark);
                }
            }

            built.Append(plain[k]);
            kept.Add(at);
        }

        offsets.RemoveRange(from, offsets.Count - from);
        offsets.AddRange(kept);
        return built.ToString();
    }

    /// <summary>
    /// True for a folded character that ends a clause within a sentence: the comma (，,), the enumeration comma (、), the
    /// colon (：:) and the dash (——). In the match form they are soft (<see cref="CharKind.Soft"/>) like quotes and spaces.
    /// </summary>
    public static bool IsClauseMark(char folded) => folded is ',' or '、' or '､' or '﹐' or '﹑' or ':' or '﹕' or '—' or '―';

    /// <summary>Where the first clause mark is among characters the match form dropped, or −1.</summary>
    private static int ClauseMark(ReadOnlySpan<char> dropped)
    {
        for (var i = 0; i < dropped.Length; i++)
        {
            if (IsClauseMark(TextNormalizer.Fold(dropped[i])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes <see cref="Build"/>'s result into <paramref name="destination"/> (at least end − start long) and returns its length.</summary>
    public static int Write(ReadOnlySpan<char> text, int start, int end, Span<char> destination) =>
        Fill(text, start, end, destination, write: true, offsets: null);

    /// <summary>The length of <see cref="Build"/>'s result, without building it (passage lengths for ranking).</summary>
    public static int Length(ReadOnlySpan<char> text, int start, int end)
    {
        return Fill(text, start, end, [], write: false, offsets: null);
    }

    /// <summary>
    /// Writes the match form of text[start..end) into <paramref name="buffer"/> and each character's source offset
    /// into <paramref name="offsets"/> (when <paramref name="write"/>) and returns its length.
    /// </summary>
    private static int Fill(ReadOnlySpan<char> text, int start, int end, Span<char> buffer, bool write, List<int>? offsets)
    {
        var n = 0;
        var lastKind = CharKind.Hard;
        var lastCjk = '\0'; // the last Chinese character written (a numeral or not)
        var pendingSpace = false;
        var pendingDotsOnly = false; // the soft characters dropped since the last one written are all middle dots (九·一八)
        for (var i = start; i < end; i++)
        {
            var c = TextNormalizer.Fold(text[i]);
            var kind = TextNormalizer.KindOf(c);
            switch (kind)
            {
                case CharKind.Cjk:
                    if (pendingSpace && !pendingDotsOnly && lastKind == CharKind.Cjk && RunsOnFrom(lastCjk, c))
                    {
                        // Two numbers apart in the text stay apart where a word starting here would otherwise run on from the
                        // number before (IsWholeAt): “十三五”、“十四五” is 十三五 十四五, not 十三五十四五. Nowhere else: 统一、一国两制
                        // and 知行合一，一以贯之 still bridge (一 starts no number IsWholeAt refuses), and a middle dot is part of
                        // the name it stands in (一二·九运动 is 一二九运动).
                        if (write)
                        {
                            buffer[n] = ' ';
                            offsets?.Add(i - 1);
                        }

                        n++;
                    }

                    if (write)
                    {
                        buffer[n] = c;
                        offsets?.Add(i);
                    }

                    n++;
                    lastKind = CharKind.Cjk;
                    lastCjk = c;
                    pendingSpace = false;
                    break;
                case CharKind.Soft:
                    pendingDotsOnly = (!pendingSpace || pendingDotsOnly) && IsMiddleDot(c);
                    pendingSpace = true;
                    break;
                case CharKind.Alnum:
                    var runEnd = i + 1;
                    while (runEnd < end && TextNormalizer.KindOf(TextNormalizer.Fold(text[runEnd])) == CharKind.Alnum)
                    {
                        runEnd++;
                    }

                    if (ChineseAnalyzer.IsXMask(text, i, runEnd))
                    {
                        if (lastKind != CharKind.Mask)
                        {
                            if (write)
                            {
                                buffer[n] = Mask;
                                offsets?.Add(i);
                            }

                            n++;
                            lastKind = CharKind.Mask;
                        }
                    }
                    else
                    {
                        if (pendingSpace && lastKind == CharKind.Alnum)
                        {
                            if (write)
                            {
                                buffer[n] = ' ';
                                offsets?.Add(i - 1);
                            }

                            n++;
                        }

                        for (var k = i; k < runEnd; k++)
                        {
                            if (write)
                            {
                                buffer[n] = TextNormalizer.Fold(text[k]);
                                offsets?.Add(k);
                            }

                            n++;
                        }

                        lastKind = CharKind.Alnum;
                    }

                    pendingSpace = false;
                    i = runEnd - 1;
                    break;
                default:
                    var marker = kind == CharKind.Hard ? Break : Mask; // runs of breaks or masks collapse to one marker
                    if (lastKind != kind)
                    {
                        if (write)
                        {
                            buffer[n] = marker;
                            offsets?.Add(i);
                        }

                        n++;
                        lastKind = kind;
                    }

                    pendingSpace = false;
                    break;
            }
        }

        return n;
    }

    /// <summary>
    /// True when <paramref name="needle"/> occurs in <paramref name="haystack"/> at <paramref name="at"/> on word boundaries for
    /// Latin/digit edges and for Chinese numerals, which do not match inside a longer number (十大 in 二十大, 二十 in 二十三).
    /// </summary>
    public static bool IsWholeAt(string haystack, int at, string needle)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        ArgumentNullException.ThrowIfNull(needle);
        return IsWholeAt(haystack.AsSpan(), at, needle);
    }

    /// <summary>Counts the whole occurrences of <paramref name="needle"/>, calling <paramref name="onHit"/> with each start when given.</summary>
    public static int CountOccurrences(string haystack, string needle, Action<int>? onHit = null)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        return CountOccurrences(haystack.AsSpan(), needle, onHit);
    }

    /// <summary>Whether <paramref name="haystack"/> holds <paramref name="needle"/> whole (<see cref="IsWholeAt(string, int, string)"/>) at least once.</summary>
    public static bool HoldsWhole(ReadOnlySpan<char> haystack, string needle) => HoldsWholeFrom(haystack, needle, 0) >= 0;

    /// <summary>Where <paramref name="needle"/> is first held whole in <paramref name="haystack"/> at or after <paramref name="from"/>; -1 where it is not.</summary>
    public static int HoldsWholeFrom(ReadOnlySpan<char> haystack, string needle, int from)
    {
        ArgumentNullException.ThrowIfNull(needle);
        while (needle.Length > 0 && from <= haystack.Length - needle.Length)
        {
            var found = haystack[from..].IndexOf(needle, StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            if (IsWholeAt(haystack, from + found, needle))
            {
                return from + found;
            }

            from += found + 1;
        }

        return -1;
    }

    /// <summary>Whether <paramref name="needle"/>'s edges are Latin letters, digits or Chinese numerals, which a text may hold run on into a longer word or number.</summary>
    public static bool EdgesRunOn(string needle) =>
        needle.Length > 0 && (IsAlnum(needle[0]) || IsAlnum(needle[^1]) || NumeralEdged(needle));

    /// <summary>Whether the occurrence at <paramref name="at"/> of <paramref name="text"/> is to be left out (by what comes before it).</summary>
    public delegate bool Excludes(ReadOnlySpan<char> text, int at);

    /// <summary>
    /// As <see cref="CountOccurrences(string, string, Action{int}?)"/> over a match form written into a buffer; an occurrence
    /// <paramref name="except"/> leaves out is not counted.
    /// </summary>
    public static int CountOccurrences(ReadOnlySpan<char> haystack, string needle, Action<int>? onHit = null, Excludes? except = null)
    {
        var count = 0;
        for (var at = HoldsWholeFrom(haystack, needle, 0); at >= 0; at = HoldsWholeFrom(haystack, needle, at + 1))
        {
            if (except is null || !except(haystack, at))
            {
                count++;
                onHit?.Invoke(at);
            }
        }

        return count;
    }

    private static bool IsWholeAt(ReadOnlySpan<char> haystack, int at, string needle)
    {
        if (needle.Length == 0)
        {
            return false;
        }

        if (IsAlnum(needle[0]) && at > 0 && IsAlnum(haystack[at - 1]))
        {
            return false;
        }

        if (at > 0 && RunsOnFrom(haystack[at - 1], needle[0]))
        {
            return false; // 十大 is no word of 二十大, 五日内 none of 十五日内
        }

        var after = at + needle.Length;
        return !(IsAlnum(needle[^1]) && after < haystack.Length && IsAlnum(haystack[after]))
            && !(IsNumeral(needle[^1]) && after < haystack.Length && IsNumeral(haystack[after])); // 二十 is none of 二十三
    }

    /// <summary>
    /// Whether a match of <paramref name="form"/> can run on into a longer Chinese number (it starts or ends with a numeral):
    /// whether its postings alone can say where it is whole (<see cref="IsWholeAt(string, int, string)"/>).
    /// </summary>
    public static bool NumeralEdged(string form) => form.Length > 0 && (IsNumeral(form[0]) || IsNumeral(form[^1]));

    /// <summary>
    /// The Chinese numerals a number is written with digit by digit or with 十 (二十三, 二〇二二), but 一: the match form drops
    /// soft punctuation, and 一 ends many words (和平统一、一国两制 reads 统一一国两制; 第一, 之一, 唯一).
    /// </summary>
    private const string Numerals = "〇零二三四五六七八九十";

    /// <summary>What, right before a numeral, makes it part of a longer number: a numeral, or 百 and 千 (三百五十).</summary>
    private const string RunsOnBefore = Numerals + "百千";

    private static bool IsNumeral(char c) => Numerals.Contains(c);

    /// <summary>Whether a word starting with <paramref name="first"/> right after <paramref name="before"/> runs on from a longer number (十大 after 二).</summary>
    private static bool RunsOnFrom(char before, char first) => IsNumeral(first) && RunsOnBefore.Contains(before);

    /// <summary>A middle dot, which joins the numbers of a name (九·一八, 一二·九) rather than parting them.</summary>
    private static bool IsMiddleDot(char c) => c is '·' or '・' or '‧' or '･' or '•';

    internal static bool IsAlnum(char c) => TextNormalizer.KindOf(c) == CharKind.Alnum;
}
