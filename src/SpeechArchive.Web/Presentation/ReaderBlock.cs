namespace SpeechArchive.Web.Presentation;

/// <summary>One block of the reader: <see cref="Html"/> is the engine's escaped text with hits in &lt;mark&gt;.</summary>
internal sealed record ReaderBlock(ReaderBlockKind Kind, int Level, string? Anchor, string Html, int Hits, string? Citation = null, int Number = 0);
