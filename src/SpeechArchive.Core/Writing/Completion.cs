namespace SpeechArchive.Writing;

/// <summary>
/// One completion: <paramref name="Query"/> is the text sent with its last word completed (what the box takes),
/// <paramref name="Said"/> the completed word or clause alone, <paramref name="Passages"/> how many passages say it,
/// <paramref name="Kind"/> a <see cref="CompletionKind"/>.
/// </summary>
public sealed record Completion(string Query, string Said, int Passages, string Kind);
