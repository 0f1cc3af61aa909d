namespace SpeechArchive.Search;

/// <summary>One value of the per-speech source dimension: an organisation and a category's label (either may be absent), with the category ids that carry that label.</summary>
internal sealed record SourceValue(string? Organization, string? Category, IReadOnlyList<string> CategoryIds);
