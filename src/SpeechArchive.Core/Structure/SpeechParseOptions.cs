using SpeechArchive.Documents;

namespace SpeechArchive.Structure;

/// <summary>What the structure parser may know beforehand about a speech.</summary>
public sealed record SpeechParseOptions
{
    /// <summary>Title from metadata; when the text opens with it, that line is taken as the title rather than a passage.</summary>
    public string? KnownTitle { get; init; }

    /// <summary>Heading lines marked by the source format (Markdown #).</summary>
    public IReadOnlyList<HeadingHint> Headings { get; init; } = [];
}
