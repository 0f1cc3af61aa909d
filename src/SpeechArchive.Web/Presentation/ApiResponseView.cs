namespace SpeechArchive.Web.Presentation;

/// <summary>One answer of an operation: its status, what it means, its headers and its body in each media type.</summary>
internal sealed record ApiResponseView(string Status, string? Description, IReadOnlyList<ApiField> Headers, IReadOnlyList<(string MediaType, ApiType Type)> Contents);
