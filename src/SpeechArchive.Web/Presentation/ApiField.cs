namespace SpeechArchive.Web.Presentation;

/// <summary>A row of the API docs page: a parameter (with where it goes), or a property of a request body or a schema.</summary>
internal sealed record ApiField(string Name, string? Location, ApiType Type, bool Required, string? Description);
