namespace SpeechArchive.Web.Presentation;

/// <summary>
/// One block of the reader: <see cref="Html"/> is the engine's escaped text with hits in &lt;mark&gt;; a nested heading's
/// <see cref="Path"/> is its section path (一、… › （一）…), which citations of the passages under it give.
/// </summary>
internal sealed record ReaderBlock(ReaderBlockKind Kind, int Level, string? Anchor, string Html, int Hits, string? Path = null, int Number = 0);
