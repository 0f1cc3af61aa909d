namespace SpeechArchive.Web.Presentation;

/// <summary>What a block of the reader is.</summary>
internal enum ReaderBlockKind
{
    /// <summary>A section heading (h2 for level 1, h3 below).</summary>
    Heading,
    /// <summary>A passage of the engine, anchored <c>p-{ordinal+1}</c>, with a citation.</summary>
    Passage,
    /// <summary>Text outside passages and headings (salutation, closing lines).</summary>
    Aside,
}
