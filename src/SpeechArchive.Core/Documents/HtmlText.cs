using System.Text;

namespace SpeechArchive.Documents;

/// <summary>
/// The text of an HTML block: comments (<c>&lt;!-- … --&gt;</c>) dropped, then tags (<c>&lt;…&gt;</c>). Two forward passes,
/// linear in the input; the regexes they replace rescanned to the end from every unclosed <c>&lt;</c>, which made a megabyte
/// of <c>&lt;![CDATA[</c> lines take half a minute.
/// </summary>
internal static class HtmlText
{
    public static string Strip(string html) => DropTags(DropComments(html));

    private static string DropComments(string html)
    {
        var sb = new StringBuilder(html.Length);
        var at = 0;
        while (true)
        {
            var open = html.IndexOf("<!--", at, StringComparison.Ordinal);
            var close = open < 0 ? -1 : html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            if (close < 0)
            {
                return sb.Append(html, at, html.Length - at).ToString(); // no complete comment from here on
            }

            sb.Append(html, at, open - at);
            at = close + 3;
        }
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
