namespace SpeechArchive.Documents;

public sealed partial class DocumentReader
{
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
            return MarkdownBody.Fail($"Markdown cannot be parsed: {e.Message}");
        }

        return extracted.Text.Length == 0
            ? MarkdownBody.Fail(split.Yaml is null ? "no text in the Markdown" : "no text after the front matter")
            : new MarkdownBody(extracted.Text, split.Body, extracted.Headings, frontMatter, null);
    }

    /// <summary>The file line the body starts on: after the front matter and its two fences.</summary>
    private static int BodyFirstLine(FrontMatterSplit split) =>
        split.Yaml is null ? 1 : split.YamlFirstLine + split.Yaml.Count(c => c == '\n') + 1;
}
