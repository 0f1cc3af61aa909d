using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

/// <summary>Guesses a speech's title and year from its text when neither front matter nor a metadata table gives them.</summary>
public static partial class MetadataInference
{
    public const int MaxTitleLength = 40;
    public const int MaxExcerptLength = 24;

    /// <summary>A title-like opening line (joined with a subtitle line if one follows), else a short excerpt of the opening; null for empty text.</summary>
    public static InferredValue<string>? InferTitle(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(CollapseSpaces).Where(l => l.Length > 0).Take(3).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        if (LooksLikeTitle(lines[0]))
        {
            if (lines.Count > 1 && LooksLikeTitle(lines[1]))
            {
                var joiner = lines[1].StartsWith('—') ? "" : " ";
                return Inferred(lines[0] + joiner + lines[1], "inferred: title and subtitle lines at the top", 0.7);
            }

            return Inferred(lines[0], "inferred: title-like first line", 0.7);
        }

        var opening = Opening(lines);
        if (opening is null)
        {
            return null;
        }

        var sentence = SentenceEnd().Split(opening).Select(s => s.Trim()).FirstOrDefault(s => s.Length > 0 && !IsGreetingSentence(s));
        if (sentence is null)
        {
            return null;
        }

        return sentence.Length <= MaxExcerptLength
            ? Inferred(sentence, "inferred: first sentence of the opening", 0.3)
            : Inferred(Cut(sentence) + "…", "inferred: excerpt of the opening", 0.2);
    }

    private static bool LooksLikeTitle(string line) =>
        line.Length <= MaxTitleLength
        && !"。！？；，、：:!?;,".Contains(line[^1], StringComparison.Ordinal)
        && !Salutation().IsMatch(line)
        && !NumberedLine().IsMatch(line);

    /// <summary>The first line that is not a bare salutation, without a leading "同志们，".</summary>
    private static string? Opening(List<string> lines)
    {
        foreach (var line in lines)
        {
            var rest = Salutation().Replace(line, "", 1).Trim();
            if (rest.Length > 0)
            {
                return rest;
            }
        }

        return null;
    }

    /// <summary>Whether a line opens with a form of address (同志们, 尊敬的…, 主席先生…) rather than a title.</summary>
    internal static bool StartsWithSalutation(string line) => Salutation().IsMatch(line);

    /// <summary>Length of the form of address that opens <paramref name="line"/> (同志们：, 尊敬的…，), 0 when none does.</summary>
    internal static int SalutationLength(string line) => Salutation().Match(line) is { Success: true } m ? m.Length : 0;

    /// <summary>大家好, 各位上午好: a greeting with no title material.</summary>
    internal static bool IsGreetingSentence(string sentence) => Greeting().IsMatch(sentence);

    /// <summary>
    /// Cuts a sentence longer than <paramref name="max"/> at its last clause mark within it that leaves at least 8
    /// characters, else at <paramref name="max"/>, never between the two halves of a surrogate pair (𠮷).
    /// </summary>
    internal static string Cut(string sentence, int max)
    {
        if (sentence.Length <= max)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOfAny(['，', '、', '：', ','], max);
        if (cut >= 8)
        {
            return sentence[..cut];
        }

        return sentence[..(char.IsHighSurrogate(sentence[max - 1]) ? max - 1 : max)];
    }

    private static string Cut(string sentence) => Cut(sentence, MaxExcerptLength);

    private static string CollapseSpaces(string line) => Spaces().Replace(line, " ").Trim();

    private static InferredValue<string> Inferred(string value, string origin, double confidence) =>
        new(value, new MetadataProvenance(origin, confidence));

    /// <summary>大家好, 大家上午好, 你们好: no title material.</summary>
    [GeneratedRegex("^(大家|你们|各位[^好]{0,6})(上午|下午|晚上|早上)?好$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[。！？；!?;]")]
    private static partial Regex SentenceEnd();

    /// <summary>Forms of address that open a speech: 同志们：, 各位代表：, 尊敬的…：, 女士们，先生们：.</summary>
    [GeneratedRegex("^((同志们|同胞们|朋友们|女士们|先生们|主席先生|大会主席先生|各位[^，。：:！]{0,12}|尊敬的[^，。：:！]{0,30})[，,、]?)+[：:，,]?")]
    private static partial Regex Salutation();

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+[，、,]|\d+[.．、)]|[（(])")]
    private static partial Regex NumberedLine();
}
