namespace SpeechArchive.Web.Presentation;

/// <summary>A piece of an <see cref="ApiType"/>: text, or the name of a schema of the document (<see cref="Schema"/>) to link.</summary>
internal sealed record ApiTypePart(string Text, string? Schema = null);
