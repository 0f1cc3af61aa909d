namespace SpeechArchive.Writing;

/// <summary>How a recall query was derived from its target clause.</summary>
public static class RecallKind
{
    /// <summary>The clause as it stands.</summary>
    public const string Exact = "exact";

    /// <summary>One or two characters of the clause left out.</summary>
    public const string Dropped = "dropped";

    /// <summary>The clause cut in two and its halves swapped.</summary>
    public const string Swapped = "swapped";

    /// <summary>A word of the clause replaced by a near-synonym (加强 → 强化).</summary>
    public const string Synonym = "synonym";

    /// <summary>Six characters from inside the clause.</summary>
    public const string Core = "core";

    public static IReadOnlyList<string> All { get; } = [Exact, Dropped, Swapped, Synonym, Core];
}
