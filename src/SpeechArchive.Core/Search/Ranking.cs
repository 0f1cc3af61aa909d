namespace SpeechArchive.Search;

/// <summary>
/// The rank stage's output: the matching passages with their scores, and what the hits are labelled with (as written,
/// near, by words, through an expansion). <see cref="Single"/>: one word, scored while the passages are collected;
/// <see cref="Expanded"/>: one word and its thesaurus terms, likewise; none of them nor <see cref="Scored"/>: no words
/// (browse every passage).
/// </summary>
internal sealed record Ranking
{
    public static Ranking Browse { get; } = new();

    /// <summary>The matching passages (sorted ids) with their final scores.</summary>
    public ScoredDocs? Scored { get; init; }

    /// <summary>A one-word query's match, which the collector scores passage by passage (no score array).</summary>
    public WordMatch? Single { get; init; }

    /// <summary>
    /// With <see cref="Single"/>, a phrase that may match across punctuation: the passages holding it as written among its best
    /// matches (sorted), raised by <c>By</c> (the best score) above those that hold it only across punctuation.
    /// </summary>
    public (int[] Docs, double By)? Raised { get; init; }

    /// <summary>One word widened by thesaurus terms, scored as it is collected (its top k from the word as typed where it can be).</summary>
    public ExpandedClause? Expanded { get; init; }

    /// <summary>With thesaurus expansions: the passages holding the words as typed, sorted (the rest are labelled expanded).</summary>
    public int[]? ExactDocs { get; init; }

    /// <summary>Free text: the passages holding a run as written (sorted); the others are near or by words.</summary>
    public int[]? AsWritten { get; init; }

    /// <summary>
    /// Free text: the passages ranked first for their speech's title (sorted, among <see cref="AsWritten"/>): the first passage
    /// of a speech whose title holds every word of the query, or the passages holding the rest of a speech two of whose
    /// title's words, one a year or a congress, the query names (<c>Ranker.TitleLookedUp</c>, <c>Ranker.TitleNamed</c>).
    /// </summary>
    public int[] Titled { get; init; } = [];

    /// <summary>Free text: the counted passages that hold most of the query in order, with that share.</summary>
    public IReadOnlyDictionary<int, double>? Near { get; init; }

    /// <summary>Free text: the passages counted for their meaning alone (nearest the query's vector, too few of its words; sorted).</summary>
    public int[] Meaning { get; init; } = [];

    /// <summary>Free text: the counted passages that hold a formulation the query describes but too few of its words (sorted).</summary>
    public int[] Formulation { get; init; } = [];

    /// <summary>Free text: whether the formulations the query describes were searched beside its words (not over articles of law).</summary>
    public bool FormulationsSearched { get; init; }

    /// <summary>Free text: the query's vector where its meaning took part in the ranking (the free-text order reads its cosines).</summary>
    public float[]? MeaningQuery { get; init; }

    /// <summary>
    /// Free text: the passages counted for its words (where none holds enough of them, all those counted: by a formulation or
    /// by meaning) are mostly short, articles of law, which changes how they are weighed.
    /// </summary>
    public bool MostlyShort { get; init; }

    /// <summary>Free text: whether the query's meaning took part in the ranking (word vectors shipped, a vector for the query).</summary>
    public bool MeaningSearched { get; init; }

    /// <summary>Free text: how many words a counted passage holds at least.</summary>
    public int MinimumMatch { get; init; }

    /// <summary>
    /// Free text whose minimum was lowered: the common words a passage holding only them is not counted for
    /// (<see cref="Ranker.CommonShare"/>); empty when none was left out.
    /// </summary>
    public IReadOnlyList<string> NotCountedAlone { get; init; } = [];

    /// <summary>The matching passages, sorted; null when browsing (every passage).</summary>
    public int[]? Docs => Scored?.Docs ?? Single?.Docs ?? Expanded?.Docs;

    /// <summary>How passage <paramref name="doc"/> matched, for its hit (<see cref="HitMatch"/>); a heading or title hit is labelled where its snippet is made.</summary>
    public (string Match, double? Similarity) Label(int doc)
    {
        if (AsWritten is not null && Array.BinarySearch(AsWritten, doc) < 0)
        {
            return Near!.TryGetValue(doc, out var similarity) ? (HitMatch.Aligned, Math.Round(similarity, 3))
                : Array.BinarySearch(Meaning, doc) >= 0 ? (HitMatch.Meaning, null)
                : Array.BinarySearch(Formulation, doc) >= 0 ? (HitMatch.Formulation, null) : (HitMatch.Words, null);
        }

        return ExactDocs is not null && Array.BinarySearch(ExactDocs, doc) < 0 ? (HitMatch.Expanded, null) : (HitMatch.Exact, null);
    }
}
