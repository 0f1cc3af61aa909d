namespace SpeechArchive.Search;

/// <summary>
/// What the main search adds to strict matching: free text read as words (<see cref="FreeTextReader"/>), thesaurus expansion
/// (exact matches ranked above passages found only through an expansion) and near matches ranked after both. Give one to <see cref="Searcher"/>; without it searches are strict.
/// </summary>
public sealed class QueryUnderstanding(Thesaurus thesaurus, NearMatchOptions? nearMatches = null)
{
    public Thesaurus Thesaurus { get; } = thesaurus ?? throw new ArgumentNullException(nameof(thesaurus));

    public NearMatchOptions NearMatches { get; } = nearMatches ?? NearMatchOptions.Default;

    /// <summary>The built-in thesaurus and default near-match settings.</summary>
    public static QueryUnderstanding Default { get; } = new(Thesaurus.Default);

    internal UnderstoodQuery Understand(IndexSnapshot index, ParsedQuery query, SearchRequest request, WordMatches matches) =>
        UnderstoodQuery.Create(index, this, query, request, matches);
}
