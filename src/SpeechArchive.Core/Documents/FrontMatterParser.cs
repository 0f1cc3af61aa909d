using YamlDotNet.Core;

namespace SpeechArchive.Documents;

/// <summary>
/// Reads YAML front matter with YamlDotNet's event parser under guards, so hostile input fails fast and alone:
/// no anchors or aliases (never expanded), at most <see cref="MaxKeys"/> keys, <see cref="MaxDepth"/> levels and <see cref="MaxChars"/> characters.
/// </summary>
internal static partial class FrontMatterParser
{
    public const int MaxChars = 64 * 1024;
    public const int MaxKeys = 200;
    public const int MaxDepth = 5;

    /// <summary>Cuts the front matter off a text with LF line ends; a first line <c>---</c> opens it, a line <c>---</c> or <c>...</c> closes it.</summary>
    public static FrontMatterSplit Split(string text)
    {
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstEnd < 0 || text[..firstEnd].TrimEnd() != "---")
        {
            return new FrontMatterSplit(null, 0, text, null);
        }

        var start = firstEnd + 1;
        var lineStart = start;
        while (lineStart < text.Length)
        {
            if (lineStart - start > MaxChars)
            {
                return Failed(text, $"front matter longer than {MaxChars / 1024} KB");
            }

            var lineEnd = text.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
            if (line.TrimEnd() is "---" or "...")
            {
                var body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                return new FrontMatterSplit(text[start..lineStart], 2, body, null);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return Failed(text, "第 1 行开始的 front matter 没有以 '---' 一行结束 (front matter opened at line 1 is not closed by a '---' line)");
    }

    /// <summary>Parses the YAML of <see cref="Split"/>; a failure names the file line and YamlDotNet's reason.</summary>
    public static (FrontMatter? FrontMatter, string? Failure) Parse(string yaml, int yamlFirstLine)
    {
        var reader = new GuardedReader(new Parser(new StringReader(yaml)), yamlFirstLine);
        try
        {
            var root = reader.ReadDocument();
            return (Interpret(root), null);
        }
        catch (SpeechArchiveException e)
        {
            return (null, e.Message);
        }
        catch (YamlException e)
        {
            return (null, $"第 {reader.FileLine(e.Start)} 行：front matter 不是有效的 YAML，请检查方括号、花括号和引号是否成对 (malformed front matter at line {reader.FileLine(e.Start)}: {e.Message})");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these for some broken input; the last good event is the best position we have, and
            // their messages say nothing of the YAML (Operation is not valid due to the current state of the object).
            return (null, $"第 {reader.LastLine} 行附近：front matter 不是有效的 YAML，请检查方括号、花括号和引号是否成对 (malformed front matter near line {reader.LastLine}: check that brackets, braces and quotes are paired)");
        }
    }

    private static FrontMatterSplit Failed(string text, string reason) => new(null, 0, text, reason);
}
