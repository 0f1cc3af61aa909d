namespace SpeechArchive.Writing;

/// <summary>What a completion completes the typed text to (<see cref="Completion.Kind"/>).</summary>
public static class CompletionKind
{
    /// <summary>The word the typed text ends inside (全面从严 → 全面从严治党).</summary>
    public const string Word = "word";

    /// <summary>The clause it begins, up to the next punctuation mark (全面从严治党 → 全面从严治党永远在路上).</summary>
    public const string Clause = "clause";
}
