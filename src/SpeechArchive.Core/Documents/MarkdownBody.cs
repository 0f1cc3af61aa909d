namespace SpeechArchive.Documents;

/// <summary>A file's body ready for the document: plain text, the Markdown it came from, headings and front matter, or a failure.</summary>
internal sealed record MarkdownBody(
    string Text, string? Markdown, IReadOnlyList<HeadingHint> Headings, FrontMatter FrontMatter, string? Failure)
{
    public static MarkdownBody Fail(string reason) => new("", null, [], FrontMatter.Empty, reason);
}
