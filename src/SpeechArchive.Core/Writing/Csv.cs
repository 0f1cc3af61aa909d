using System.Text;

namespace SpeechArchive.Writing;

/// <summary>Writes CSV rows: fields quoted when they hold a comma, quote or line break; CRLF line ends.</summary>
public static class Csv
{
    public static void Row(StringBuilder sb, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var f = fields[i];
            // A leading = + - @ would make a spreadsheet run the cell as a formula: prefix a quote mark.
            if (f.Length > 0 && f[0] is '=' or '+' or '-' or '@')
            {
                f = "'" + f;
            }

            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }

        sb.Append("\r\n");
    }
}
