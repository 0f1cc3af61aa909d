namespace SpeechArchive.Web.Presentation;

/// <summary>A named schema of the document: its type and, for an object, its properties.</summary>
internal sealed record ApiSchemaView(string Name, string Anchor, ApiType Type, string? Description, IReadOnlyList<ApiField> Properties);
