using Microsoft.AspNetCore.Html;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A message in Chinese with its English gloss in brackets at the end (查询过长…。(query too long: …)), as the engine and the
/// API word their errors: on a page the gloss is marked <c>lang="en"</c>, so a screen reader reads it in English, not as
/// Chinese letters. A message without such a gloss is written as it is; both are HTML-encoded.
/// </summary>
internal static class Bilingual
{
    public static IHtmlContent Html(string? message)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(message))
        {
            return html;
        }

        if (GlossStart(message) is not int at)
        {
            return html.Append(message); // encoded by the page's encoder when written
        }

        return html.Append(message[..at]).AppendHtml("<span lang=\"en\">").Append(message[at..]).AppendHtml("</span>");
    }

    /// <summary>Where the closing bracketed English begins: the '(' whose bracket ends the message and holds no Han character.</summary>
    internal static int? GlossStart(string message)
    {
        if (!message.EndsWith(')'))
        {
            return null;
        }

        var depth = 0;
        for (var i = message.Length - 1; i >= 0; i--)
        {
            if (message[i] == ')')
            {
                depth++;
            }
            else if (message[i] == '(' && --depth == 0)
            {
                return i > 0 && !message.AsSpan(i).ContainsAnyInRange('\u4e00', '\u9fff') ? i : null;
            }
        }

        return null;
    }
}
