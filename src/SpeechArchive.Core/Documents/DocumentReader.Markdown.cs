namespace SpeechArchive.Documents;

public sealed partial class DocumentReader
{
    /// <summary>
    /// Markdown pasted or typed (a draft) as the indexer reads a Markdown file: front matter left out, markup turned into
    /// text, one block per line; null with the reason in <paramref name="failure"/> where the indexer would refuse it.
    /// </summary>
    public static string? MarkdownAsText(string markdown, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var body = ReadMarkdown(TextDecoder.NormalizeLineEnds(markdown));
        failure = body.Failure;
        return body.Failure is null ? body.Text : null;
    }

    /// <summary>
    /// Whether a text reads as Markdown rather than as plain prose: a front matter fence first, a line that is a heading (# …),
    /// or a link (](…)); whether it then reads as Markdown (its front matter closed and YAML) <see cref="MarkdownAsText"/> says. Nothing else is taken for Markdown: the archive's texts mask
    /// names with ** (张**同志), which Markdown would read as bold and drop; a draft's lines may begin with - or * (a list typed
    /// by hand); and its points are 一、, （一）, 1., which Markdown leaves alone.
    /// </summary>
    public static bool LooksLikeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("](", StringComparison.Ordinal))
        {
            return true;
        }

        var normalized = TextDecoder.NormalizeLineEnds(text);
        if (normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var line in normalized.Split('\n'))
        {
            var hashes = line.Length - line.TrimStart('#').Length;
            if (hashes is >= 1 and <= 6 && line.Length > hashes + 1 && line[hashes] == ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static MarkdownBody ReadMarkdown(string raw)
    {
        var split = FrontMatterParser.Split(raw);
        if (split.Failure is not null)
        {
            return MarkdownBody.Fail(split.Failure);
        }

        var frontMatter = FrontMatter.Empty;
        if (split.Yaml is not null)
        {
            var (parsed, failure) = FrontMatterParser.Parse(split.Yaml, split.YamlFirstLine);
            if (failure is not null)
            {
                return MarkdownBody.Fail(failure);
            }

            frontMatter = parsed!;
        }

        var refusal = MarkdownGuard.Check(split.Body, BodyFirstLine(split));
        if (refusal is not null)
        {
            return MarkdownBody.Fail(refusal);
        }

        ExtractedText extracted;
        try
        {
            extracted = MarkdownTextExtractor.Extract(split.Body);
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            // Markdig refuses input nested deeper than its limit (10,000 '>' or list levels).
            return MarkdownBody.Fail($"Markdown 无法解析 (Markdown cannot be parsed: {e.Message})");
        }

        return extracted.Text.Length == 0
            ? MarkdownBody.Fail(split.Yaml is null ? "Markdown 中没有正文 (no text in the Markdown)" : "front matter 之后没有正文 (no text after the front matter)")
            : new MarkdownBody(extracted.Text, split.Body, extracted.Headings, frontMatter, null);
    }

    /// <summary>The file line the body starts on: after the front matter and its two fences.</summary>
    private static int BodyFirstLine(FrontMatterSplit split) =>
        split.Yaml is null ? 1 : split.YamlFirstLine + split.Yaml.Count(c => c == '\n') + 1;
}
