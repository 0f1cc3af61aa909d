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

    /// <summary>
    /// Reads what understanding derives from the thesaurus with <paramref name="index"/>'s segmenter (the formulations'
    /// descriptions) now rather than in the first free-text query; the web app calls it after the snapshot's own structures
    /// (<see cref="IndexSnapshot.PrepareSearch"/>). Returns the seconds taken.
    /// </summary>
    public double Prepare(IndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FormulationMatcher.Prepare(Thesaurus, SearchStructures.Of(index).Segmenter);
        _ = FormulationReader.For(Thesaurus);
        return clock.Elapsed.TotalSeconds;
    }

    internal UnderstoodQuery Understand(IndexSnapshot index, ParsedQuery query, SearchRequest request, WordMatches matches) =>
        UnderstoodQuery.Create(index, this, query, request, matches);
}
