using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace SpeechArchive.Documents;

/// <summary>
/// Turns a Markdown body into plain text with Markdig: each heading, paragraph, table row and code block becomes one line,
/// inline markup is dropped, and wrapped lines join without a space next to CJK text.
/// </summary>
internal static class MarkdownTextExtractor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Extracts the text; throws <see cref="ArgumentException"/> (from Markdig) when the input nests too deeply.</summary>
    public static ExtractedText Extract(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var writer = new LineWriter();
        foreach (var block in document)
        {
            WriteBlock(block, writer);
        }

        return new ExtractedText(writer.Text, writer.Headings);
    }

    private static void WriteBlock(Block block, LineWriter writer)
    {
        switch (block)
        {
            case HeadingBlock heading:
                writer.BeginLine(heading.Level);
                InlineText.Append(heading.Inline, writer.Line);
                writer.EndLine();
                break;
            case ParagraphBlock paragraph:
                writer.BeginLine();
                InlineText.Append(paragraph.Inline, writer.Line);
                writer.EndLine();
                break;
            case Table table:
                WriteTable(table, writer);
                break;
            case ListBlock list:
                WriteList(list, writer);
                break;
            case CodeBlock code:
                writer.BeginLine();
                AppendJoinedLines(code.Lines.ToString(), writer.Line);
                writer.EndLine();
                break;
            case HtmlBlock html:
                writer.BeginLine();
                var markup = html.Lines.ToString();
                AppendJoinedLines((html.Type == HtmlBlockType.ScriptPreOrStyle ? HtmlText.UnclosedToTheEnd(markup) : null) ?? HtmlText.Strip(markup), writer.Line);
                writer.EndLine();
                break;
            case ContainerBlock container: // quotes and other containers: their blocks in order
                foreach (var child in container)
                {
                    WriteBlock(child, writer);
                }

                break;
        }
    }

    private static void WriteList(ListBlock list, LineWriter writer)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart ?? "1", out var start) ? start : 0;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = true;
            foreach (var child in item)
            {
                if (first && list.IsOrdered && child is ParagraphBlock paragraph)
                {
                    // Keep the number of an ordered item: the structure parser reads "1." as a point label.
                    writer.BeginLine();
                    writer.Line.Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(list.OrderedDelimiter);
                    var mark = writer.Line.Length;
                    InlineText.Append(paragraph.Inline, writer.Line);
                    if (writer.Line.Length > mark && !CjkText.IsCjk(writer.Line[mark]))
                    {
                        writer.Line.Insert(mark, ' ');
                    }

                    writer.EndLine();
                }
                else
                {
                    WriteBlock(child, writer);
                }

                first = false;
            }

            number++;
        }
    }

    private static void WriteTable(Table table, LineWriter writer)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            writer.BeginLine();
            var firstCell = true;
            foreach (var cell in row.OfType<TableCell>())
            {
                if (!firstCell)
                {
                    writer.Line.Append('\t');
                }

                foreach (var paragraph in cell.OfType<ParagraphBlock>())
                {
                    InlineText.Append(paragraph.Inline, writer.Line);
                }

                firstCell = false;
            }

            writer.EndLine();
        }
    }

    private static void AppendJoinedLines(string text, StringBuilder line)
    {
        foreach (var part in text.Split('\n'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (line.Length > 0)
            {
                line.Append(CjkText.JoinSeparator(line[^1], trimmed[0]));
            }

            line.Append(trimmed);
        }
    }
}
