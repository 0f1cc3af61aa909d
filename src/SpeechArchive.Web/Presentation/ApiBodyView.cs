namespace SpeechArchive.Web.Presentation;

/// <summary>An operation's request body: whether it is required, and its type in each media type.</summary>
internal sealed record ApiBodyView(bool Required, string? Description, IReadOnlyList<(string MediaType, ApiType Type)> Contents);
