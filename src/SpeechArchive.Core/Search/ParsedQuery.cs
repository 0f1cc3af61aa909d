namespace SpeechArchive.Search;

/// <summary>A parsed query: required clauses (ANDed), excluded words, and filters.</summary>
/// <param name="Required">Every clause must match; a clause matches when any of its alternatives (joined by OR) does.</param>
/// <param name="Excluded">Passages matching any of these (-word) are dropped.</param>
public sealed record ParsedQuery(
    string Text,
    IReadOnlyList<QueryClause> Required,
    IReadOnlyList<QueryWord> Excluded,
    QueryFilters Filters)
{
    public bool HasWords => Required.Count > 0;
}

/// <summary>Alternatives joined by OR.</summary>
public sealed record QueryClause(IReadOnlyList<QueryWord> Alternatives);

/// <summary>A word or "quoted phrase" as typed, and its match form (see <see cref="Analysis.MatchText"/>).</summary>
public sealed record QueryWord(string Text, bool Quoted, string MatchForm);

/// <summary>Filters by field; repeating a field ORs its values (multi-select within a facet).</summary>
public sealed record QueryFilters(
    IReadOnlyList<(int From, int To)> Years,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> DirectiveTypes,
    IReadOnlyList<string> Organizations,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<string> Categories)
{
    public static QueryFilters None { get; } = new([], [], [], [], [], []);

    public bool IsEmpty => Years.Count + Themes.Count + DirectiveTypes.Count + Organizations.Count + Speakers.Count + Categories.Count == 0;
}
