namespace SpeechArchive.Documents;

/// <summary>Plain text pulled out of a Markdown body, one block per line, with the heading lines marked.</summary>
internal sealed record ExtractedText(string Text, IReadOnlyList<HeadingHint> Headings);
