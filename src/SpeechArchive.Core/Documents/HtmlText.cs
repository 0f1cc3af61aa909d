using System.Text;

namespace SpeechArchive.Documents;

/// <summary>
/// The text of an HTML block: comments (<c>&lt;!-- … --&gt;</c>) and the contents of <c>&lt;script&gt;</c> and
/// <c>&lt;style&gt;</c> elements dropped, then tags (<c>&lt;…&gt;</c>). Two forward passes, linear in the input; the regexes
/// they replace rescanned to the end from every unclosed <c>&lt;</c>, which made a megabyte of <c>&lt;![CDATA[</c> lines take
/// half a minute. A script's or a stylesheet's contents are code, not speech: kept as text, an uploaded
/// <c>&lt;script&gt;alert(3)&lt;/script&gt;要坚持…</c> made alert(3) a passage's words that a search for alert found. A
/// <c>&lt;script/&gt;</c> opens one all the same: HTML ignores the slash of an element that is not void, so what follows it
/// is script (read as closed before pipeline version 10, <c>&lt;script/&gt;alert(3)</c> was searchable).
/// </summary>
internal static class HtmlText
{
    /// <summary>The elements whose contents are never text (HTML's raw text elements).</summary>
    private static readonly string[] HiddenElements = ["script", "style"];

    public static string Strip(string html) => DropTags(DropHidden(html));

    /// <summary>
    /// The text of an HTML block that opens with a script or style element never closed: its tags dropped and its contents
    /// kept. Such a block runs to the end of the file (CommonMark's first kind of HTML block), so hiding its contents, as
    /// <see cref="Strip"/> does within a block, lost every paragraph after a lone <c>&lt;script&gt;</c> line without a word (a
    /// second review, sixty-eighth session). So for a block that opens with one written self-closing and never closed
    /// (<c>&lt;script src="a.js"/&gt;</c> to the file's end): HTML would hide the rest, but the rest is the speech. Null for any
    /// other block.
    /// </summary>
    public static string? UnclosedToTheEnd(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var open = 0;
        while (open < html.Length && char.IsWhiteSpace(html[open]))
        {
            open++;
        }

        if (open >= html.Length || html[open] != '<' || ElementAt(html, open, closing: false) is not { } element)
        {
            return null;
        }

        var tagEnd = html.IndexOf('>', open + 1);
        return tagEnd >= 0 && EndOfClosingTag(html, element, tagEnd + 1) >= 0 ? null : DropTags(html);
    }

    /// <summary>
    /// The element a tag as Markdig gives it (an inline <c>&lt;script type="…"&gt;</c>, or <c>&lt;script/&gt;</c>, whose slash
    /// HTML ignores) opens whose contents are not text, <c>script</c> or <c>style</c>; null for any other tag or a closing one.
    /// </summary>
    public static string? HiddenElementOpened(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ElementAt(tag, 0, closing: false);
    }

    /// <summary>Whether <paramref name="tag"/> is the closing tag of <paramref name="element"/> (<c>&lt;/SCRIPT &gt;</c> closes script).</summary>
    public static bool Closes(string tag, string element)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return string.Equals(ElementAt(tag, 0, closing: true), element, StringComparison.Ordinal);
    }

    /// <summary>
    /// Comments and the contents of script and style elements (their tags too) dropped, in one forward pass: what comes
    /// first wins, so a script's <c>"&lt;!--"</c> is script and a comment's <c>&lt;script&gt;</c> is comment. An element
    /// that is not closed hides the rest of the block, as in a browser; a comment that is not closed is no comment (its text
    /// is kept, as before). A tag written self-closing (<c>&lt;script/&gt;</c>) opens its element as any other does.
    /// </summary>
    private static string DropHidden(string html)
    {
        var sb = new StringBuilder(html.Length);
        var at = 0; // the start of what is kept and not yet appended
        var scan = 0;
        var commentsClose = true;
        while (true)
        {
            var open = html.IndexOf('<', scan);
            if (open < 0)
            {
                return sb.Append(html, at, html.Length - at).ToString();
            }

            int end;
            if (commentsClose && string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    commentsClose = false; // no complete comment from here on: its <!-- is a tag's start, and no later one is looked for
                    scan = open + 1;
                    continue;
                }

                end = close + 3;
            }
            else if (ElementAt(html, open, closing: false) is { } element)
            {
                var tagEnd = html.IndexOf('>', open + 1); // read once: the pass ends here or goes on past the closing tag
                if (tagEnd < 0)
                {
                    return sb.Append(html, at, html.Length - at).ToString(); // no complete tag from here on
                }

                end = EndOfClosingTag(html, element, tagEnd + 1);
                if (end < 0)
                {
                    return sb.Append(html, at, open - at).ToString(); // never closed: the rest is its contents
                }
            }
            else
            {
                scan = open + 1;
                continue;
            }

            sb.Append(html, at, open - at);
            at = scan = end;
        }
    }

    /// <summary>Just past the <c>&gt;</c> of the first closing tag of <paramref name="element"/> from <paramref name="from"/>; -1 if none.</summary>
    private static int EndOfClosingTag(string html, string element, int from)
    {
        while (true)
        {
            var open = html.IndexOf("</", from, StringComparison.Ordinal);
            if (open < 0)
            {
                return -1;
            }

            if (ElementAt(html, open, closing: true) == element)
            {
                var close = html.IndexOf('>', open + 2);
                return close < 0 ? -1 : close + 1;
            }

            from = open + 2;
        }
    }

    /// <summary>
    /// The hidden element (<see cref="HiddenElements"/>) whose opening (or closing) tag starts at <paramref name="at"/>: its
    /// name in any case, then whitespace, <c>/</c> or <c>&gt;</c> (<c>&lt;scripts&gt;</c> is another element); else null.
    /// </summary>
    private static string? ElementAt(string html, int at, bool closing)
    {
        var name = at + (closing ? 2 : 1);
        if (name > html.Length || html[at] != '<' || (closing && html[at + 1] != '/'))
        {
            return null;
        }

        foreach (var element in HiddenElements)
        {
            var after = name + element.Length;
            if (after < html.Length
                && string.Compare(html, name, element, 0, element.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (html[after] is '/' or '>' || char.IsWhiteSpace(html[after])))
            {
                return element;
            }
        }

        return null;
    }

    private static string DropTags(string html)
    {
        var sb = new StringBuilder(html.Length);
        var at = 0;
        while (true)
        {
            var open = html.IndexOf('<', at);
            var close = open < 0 ? -1 : html.IndexOf('>', open + 1);
            if (close < 0)
            {
                return sb.Append(html, at, html.Length - at).ToString(); // no complete tag from here on
            }

            sb.Append(html, at, open - at);
            at = close + 1;
        }
    }
}
