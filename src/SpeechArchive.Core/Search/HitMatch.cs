namespace SpeechArchive.Search;

/// <summary>How a hit matched the query (<see cref="SearchHit.Match"/>).</summary>
public static class HitMatch
{
    /// <summary>It holds the words as typed.</summary>
    public const string Exact = "exact";

    /// <summary>It holds a thesaurus expansion of a word but not the word.</summary>
    public const string Expanded = "expanded";

    /// <summary>It is the first passage under a section heading that holds the words.</summary>
    public const string Heading = "heading";

    /// <summary>It is the first passage of a speech whose title holds the words.</summary>
    public const string Title = "title";

    /// <summary>It holds enough of the query's words (free text), though not the query as written.</summary>
    public const string Words = "words";

    /// <summary>It holds a formulation (提法) the query describes in everyday words (<see cref="QueryReading.Formulations"/>), though too few of its words.</summary>
    public const string Formulation = "formulation";

    /// <summary>It is among the passages nearest the query's meaning (word vectors), though it holds too few of its words.</summary>
    public const string Meaning = "meaning";

    /// <summary>
    /// It holds most of the query in order, with characters missing, added or swapped: a near match, after the counted hits
    /// (<see cref="SearchResult.NearTotal"/>), counted in neither the total nor the facets.
    /// </summary>
    public const string Near = "near";

    /// <summary>
    /// Counted (free text: it holds enough of the query's words), and it holds most of the query in order, so it ranks in the
    /// near tier, above the passages holding the words apart (<see cref="SearchHit.Similarity"/> says how much).
    /// </summary>
    public const string Aligned = "aligned";
}
