namespace SpeechArchive.Writing;

/// <summary>What to list: a phrase (or phrases joined by OR; filters in query syntax allowed), its context width, order and page.</summary>
public sealed record ConcordanceRequest
{
    public string Phrase { get; init; } = "";
    /// <summary>Extra filters in query syntax (<c>year:2022</c>, <c>theme:integrity</c>, …).</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];
    public ConcordanceSort Sort { get; init; } = ConcordanceSort.Date;
    /// <summary>Characters of context on each side of the hit.</summary>
    public int Context { get; init; } = 30;
    public int Offset { get; init; }
    /// <summary>Lines per page; 0 for every line.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>Order of concordance lines.</summary>
public enum ConcordanceSort
{
    /// <summary>Oldest first, then by position in the speech.</summary>
    Date,
    /// <summary>Newest first.</summary>
    DateDescending,
    /// <summary>By the left context read from the hit outwards (the usual KWIC order: 的全面从严治党 groups with 的).</summary>
    Left,
    /// <summary>By the right context.</summary>
    Right,
}
