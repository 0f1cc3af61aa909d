namespace SpeechArchive.Documents;

/// <summary>
/// A licence or attribution notice a source appends to a text (Wikisource: 本作品来自…所以属于公有领域, its footnotes after
/// back-links ↑, 本模板所指…, "Public domainPublic domainfalsefalse"): not part of the speech, so the reader leaves it out
/// of the plain text. Only a notice in the text's tail is one: a paragraph that states a licence, followed by at most
/// <see cref="MaxParagraphsAfter"/> short paragraphs, the whole no longer than the body before it nor than
/// <see cref="MaxLength"/> characters. The paragraph must give the work's licence (本作品…属于公有领域, …知识共享, …CC BY), not
/// merely speak of copyright (这部作品…版权输出到十多个国家 closing a speech on culture is the speech's), or be a licence's name
/// alone, in Latin letters (Public domain, CC BY-SA 4.0; not Creative Commons等开放许可…); a law's article is none (第…条).
/// </summary>
public static class LicenceNotice
{
    /// <summary>Paragraphs that may follow the notice's first one (back-links, footnotes, template lines).</summary>
    public const int MaxParagraphsAfter = 7;

    /// <summary>Characters of the notice's first paragraph at most: a statement, not an article or a speech's paragraph.</summary>
    public const int MaxStatementLength = 400;

    /// <summary>Characters of each paragraph after the first at most.</summary>
    public const int MaxParagraphAfterLength = 300;

    /// <summary>Characters of the whole notice at most (Wikisource's longest, of the CPC documents, is 546).</summary>
    public const int MaxLength = 1_500;

    /// <summary>Characters of the notice quoted in the warning.</summary>
    private const int QuoteLength = 20;

    /// <summary>How a paragraph stating a licence begins: it speaks of the work (本作品…, 这部作品…).</summary>
    private static readonly string[] StatementOpenings = ["本作品", "此作品", "这部作品", "這部作品"];

    /// <summary>What such a paragraph must say: the work's licence (copyright alone is what a speech may say of a work).</summary>
    private static readonly string[] LicenceWords =
    [
        "公有领域", "公有領域", "公共领域", "公共領域", "知识共享", "知識共享", "许可协议", "許可協議",
        "Creative Commons", "CC BY", "CC-BY", "CC0",
    ];

    /// <summary>A line that is a licence's name alone, as a template leaves it (Public domainPublic domainfalsefalse, CC BY-SA 4.0).</summary>
    private static readonly string[] LicenceNames = ["Public domain", "Creative Commons", "CC BY", "CC-BY", "CC0"];

    /// <summary>A licence's name line is short.</summary>
    private const int MaxNameLineLength = 120;

    /// <summary>The notice at the end of <paramref name="text"/>, or null when its tail holds none.</summary>
    public static Found? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = Paragraphs(text);
        for (var i = Math.Max(1, paragraphs.Count - 1 - MaxParagraphsAfter); i < paragraphs.Count; i++)
        {
            var (start, length) = paragraphs[i];
            if (!StatesLicence(text.AsSpan(start, length)))
            {
                continue;
            }

            // The tail's first statement decides: a later one would leave the first in the text.
            var noticeLength = text.AsSpan(start).TrimEnd().Length;
            if (paragraphs.Skip(i + 1).Any(p => p.Length > MaxParagraphAfterLength)
                || noticeLength > MaxLength || noticeLength > text.AsSpan(0, start).Trim().Length)
            {
                return null;
            }

            return new Found(start, paragraphs.Count - i, noticeLength, Quote(text.AsSpan(start, length)));
        }

        return null;
    }

    /// <summary>
    /// <paramref name="text"/> without its notice (the body's characters and offsets unchanged, ending with one line end),
    /// and the warning that says what was left out; the text itself and no warning when there is none.
    /// </summary>
    public static (string Text, string? Warning) Cut(string text)
    {
        if (Find(text) is not { } found)
        {
            return (text, null);
        }

        var warning = $"正文末尾的版权声明未编入正文：自“{found.Quote}”起 {found.Paragraphs} 段 {found.Length} 字 " +
            $"(licence notice at the end left out of the text: {found.Paragraphs} paragraphs, {found.Length} characters from '{found.Quote}')";
        return (text[..found.Start].TrimEnd() + "\n", warning);
    }

    /// <summary>Whether a paragraph states a licence: 本作品… naming one, or a licence's name alone (no Chinese in the line).</summary>
    public static bool StatesLicence(ReadOnlySpan<char> paragraph)
    {
        var line = paragraph.Trim();
        foreach (var opening in StatementOpenings)
        {
            if (line.StartsWith(opening, StringComparison.Ordinal) && line.Length <= MaxStatementLength)
            {
                foreach (var word in LicenceWords)
                {
                    if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        if (line.Length <= MaxNameLineLength && !line.ContainsAnyInRange('\u2E80', '\uFFEF'))
        {
            foreach (var name in LicenceNames)
            {
                if (line.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The text's non-blank lines (its paragraphs): where each starts and its length without the white space ending it.</summary>
    private static List<(int Start, int Length)> Paragraphs(string text)
    {
        var paragraphs = new List<(int Start, int Length)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start);
            if (!line.IsWhiteSpace())
            {
                paragraphs.Add((start, line.TrimEnd().Length));
            }

            start = end + 1;
        }

        return paragraphs;
    }

    private static string Quote(ReadOnlySpan<char> paragraph)
    {
        var line = paragraph.Trim();
        return line.Length <= QuoteLength ? line.ToString() : string.Concat(line[..QuoteLength], "…");
    }

    /// <summary>A notice found: where its first paragraph starts, how many paragraphs and characters it holds, and its opening words.</summary>
    public readonly record struct Found(int Start, int Paragraphs, int Length, string Quote);
}
