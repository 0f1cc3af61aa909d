namespace SpeechArchive.Writing;

/// <summary>Completions of the last word typed (<see cref="Completions"/>), the most said first.</summary>
public sealed record CompletionResult
{
    /// <summary>The text as sent.</summary>
    public required string Text { get; init; }

    /// <summary>Its last word, as matched (folded), which every completion begins with.</summary>
    public required string Typed { get; init; }

    /// <summary>Passages holding <see cref="Typed"/> (within the filters).</summary>
    public required int Passages { get; init; }

    /// <summary>True when more passages hold it than <see cref="Completions.MaxSampled"/>: the counts are a sample's, scaled.</summary>
    public bool Approximate { get; init; }

    public required IReadOnlyList<Completion> Completions { get; init; }

    public required double TookMs { get; init; }
}
