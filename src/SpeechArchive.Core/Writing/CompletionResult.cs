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

/// <summary>
/// One completion: <paramref name="Query"/> is the text sent with its last word completed (what the box takes),
/// <paramref name="Said"/> the completed word or clause alone, <paramref name="Passages"/> how many passages say it,
/// <paramref name="Kind"/> a <see cref="CompletionKind"/>.
/// </summary>
public sealed record Completion(string Query, string Said, int Passages, string Kind);

/// <summary>What a completion completes the typed text to (<see cref="Completion.Kind"/>).</summary>
public static class CompletionKind
{
    /// <summary>The word the typed text ends inside (全面从严 → 全面从严治党).</summary>
    public const string Word = "word";

    /// <summary>The clause it begins, up to the next punctuation mark (全面从严治党 → 全面从严治党永远在路上).</summary>
    public const string Clause = "clause";
}
