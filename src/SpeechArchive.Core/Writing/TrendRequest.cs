namespace SpeechArchive.Writing;

/// <summary>Phrases to chart side by side (each may hold OR alternatives), over the passages passing the filters.</summary>
public sealed record TrendRequest
{
    public const int MaxPhrases = 8;

    public IReadOnlyList<string> Phrases { get; init; } = [];
    public IReadOnlyList<string> Filters { get; init; } = [];
}
