namespace SpeechArchive.Web.Presentation;

/// <summary>A group of operations (an OpenAPI tag), with the name people read and its description.</summary>
internal sealed record ApiTagView(string Id, string Name, string? Description, IReadOnlyList<ApiOperationView> Operations);
