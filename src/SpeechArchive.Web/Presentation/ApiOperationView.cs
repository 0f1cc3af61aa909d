namespace SpeechArchive.Web.Presentation;

/// <summary>One operation of the OpenAPI document as the API docs page shows it.</summary>
internal sealed record ApiOperationView(
    string Method,
    string Path,
    string Anchor,
    string? Summary,
    string? Description,
    IReadOnlyList<string> Credentials,
    IReadOnlyList<ApiField> Parameters,
    ApiBodyView? Body,
    IReadOnlyList<ApiResponseView> Responses)
{
    /// <summary>Whether anyone may call it: no security requirement asks for a credential.</summary>
    public bool IsPublic => Credentials.Count == 0;
}
