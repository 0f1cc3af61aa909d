using System.Text;

namespace SpeechArchive.Documents;

/// <summary>One record of a delimited text file with the line it starts on, or why it could not be read.</summary>
internal sealed record DelimitedRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>Reads tab-separated (no quoting) and RFC 4180 comma-separated text into records.</summary>
internal static class DelimitedText
{
    public static IEnumerable<DelimitedRecord> ReadTsv(string text)
    {
        var lines = TextDecoder.NormalizeLineEnds(text.TrimStart('\uFEFF')).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                yield return new DelimitedRecord(i + 1, lines[i].Split('\t'));
            }
        }
    }

    public static IEnumerable<DelimitedRecord> ReadCsv(string text)
    {
        text = TextDecoder.NormalizeLineEnds(text.TrimStart('\uFEFF'));
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        string? error = null;
        while (i <= text.Length)
        {
            var atEnd = i == text.Length;
            var c = atEnd ? '\n' : text[i];
            if (c == '"' && field.Length == 0 && error is null)
            {
                var close = ReadQuoted(text, i + 1, field, ref line);
                if (close < 0)
                {
                    error = "quoted field is not closed";
                    i = text.Length;
                    continue;
                }

                i = close + 1;
                if (i < text.Length && text[i] is not (',' or '\n'))
                {
                    error = "text after a closing quote";
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Trim().Length > 0 || error is not null)
                {
                    yield return new DelimitedRecord(recordLine, fields.ToArray(), error);
                }

                fields.Clear();
                error = null;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }
    }

    /// <summary>Reads a quoted field from just after its opening quote; returns the index of the closing quote or -1.</summary>
    private static int ReadQuoted(string text, int i, StringBuilder field, ref int line)
    {
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                return i;
            }

            line += text[i] == '\n' ? 1 : 0;
            field.Append(text[i]);
            i++;
        }

        return -1;
    }
}
