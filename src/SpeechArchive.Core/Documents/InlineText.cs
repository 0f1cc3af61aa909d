using System.Text;
using Markdig.Syntax.Inlines;

namespace SpeechArchive.Documents;

/// <summary>
/// The plain text of a block's inlines: emphasis markers and HTML dropped, links and code spans reduced to their text; what
/// lies between an inline <c>&lt;script&gt;</c> or <c>&lt;style&gt;</c> and its closing tag (or the block's end) is code,
/// not text, and dropped too (<see cref="HtmlText"/> does the same for an HTML block).
/// </summary>
internal static class InlineText
{
    /// <summary>Appends the text of <paramref name="root"/> to <paramref name="line"/>; walks with a stack, so deep nesting cannot overflow.</summary>
    public static void Append(ContainerInline? root, StringBuilder line)
    {
        if (root is null)
        {
            return;
        }

        var pendingBreak = false;
        string? hidden = null; // the script or style element whose contents the walk is in
        var stack = new Stack<Inline>();
        PushChildren(root, stack);
        while (stack.Count > 0)
        {
            var inline = stack.Pop();
            string? text = null;
            switch (inline)
            {
                case LiteralInline literal:
                    text = literal.Content.ToString();
                    break;
                case CodeInline code:
                    text = code.Content;
                    break;
                case HtmlEntityInline entity:
                    text = entity.Transcoded.ToString();
                    break;
                case AutolinkInline autolink:
                    text = autolink.Url;
                    break;
                case HtmlInline html when hidden is null:
                    hidden = HtmlText.HiddenElementOpened(html.Tag);
                    break;
                case HtmlInline html when HtmlText.Closes(html.Tag, hidden):
                    hidden = null;
                    break;
                case LineBreakInline:
                    pendingBreak |= hidden is null;
                    break;
                case DelimiterInline delimiter:
                    // Unmatched delimiters are text; their children (if any) follow them.
                    text = delimiter.ToLiteral();
                    PushChildren(delimiter, stack);
                    break;
                case ContainerInline container: // emphasis, links, images: their text
                    PushChildren(container, stack);
                    break;
            }

            if (string.IsNullOrEmpty(text) || hidden is not null)
            {
                continue;
            }

            if (pendingBreak && line.Length > 0)
            {
                line.Append(CjkText.JoinSeparator(line[^1], text[0]));
            }

            pendingBreak = false;
            line.Append(text);
        }
    }

    private static void PushChildren(ContainerInline container, Stack<Inline> stack)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push(child);
        }
    }
}
