namespace SpeechArchive.Search;

/// <summary>What to search: the query text plus extra filter terms (as the UI's facet selections), paging, sort and grouping.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";
    /// <summary>Extra filters in query syntax, e.g. <c>year:2022</c>, <c>theme:integrity</c>; ANDed with the query's.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];
    /// <summary>Hits to skip; at most <see cref="MaxOffset"/> (more is read as that).</summary>
    public int Offset { get; init; }

    /// <summary>Hits per page; at most <see cref="MaxLimit"/> (more is read as that).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>The most hits one page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The most hits a page may skip.</summary>
    public const int MaxOffset = 100_000;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>One hit per speech (its best passage), with the count of matching passages in it.</summary>
    public bool GroupBySpeech { get; init; }
    /// <summary>Snippet length in characters.</summary>
    public int SnippetLength { get; init; } = 160;
    /// <summary>
    /// Also search each word's thesaurus terms, ranked after exact matches, and (free text) rank by meaning too: the passages
    /// nearest the query's vector fused with the word ranking (needs <see cref="Searcher.Understanding"/>). Off: the words only.
    /// </summary>
    public bool Expand { get; init; } = true;

    /// <summary>
    /// Formulations free text is not to be read as describing (the × on the page's 按提法 chip): the reading keeps its words,
    /// their thesaurus terms and its meaning, without these. Matched by the formulation's text.
    /// </summary>
    public IReadOnlyList<string> WithoutFormulations { get; init; } = [];

    /// <summary>
    /// With <see cref="Expand"/>: free text also ranked by meaning, and strict matches' topical order weighing their nearness to
    /// the term's meaning. Off: the words and their thesaurus terms only (the evaluation's words-only ranking).
    /// </summary>
    public bool ByMeaning { get; init; } = true;
    /// <summary>
    /// Strict matches by relevance: the best ordered again by how they treat the term (the topical order), and free text's
    /// by how they treat it (the free-text order). Off: BM25's order and the fused order, which <c>eval-topical --learn-order</c>
    /// learns the orders' weights from.
    /// </summary>
    public bool OrderTopically { get; init; } = true;
    /// <summary>Append near matches (characters missing, halves swapped, near-synonyms) after the strict ones (needs <see cref="Searcher.Understanding"/>).</summary>
    public bool NearMatches { get; init; } = true;
    /// <summary>
    /// Show a text printed more than once (the same passage in two speeches: <see cref="Reprints"/>) once, at its best-ranked
    /// passage, with the others in <see cref="SearchHit.Reprints"/>; totals and facets still count every passage. With
    /// <see cref="GroupBySpeech"/>, a speech whose best passage prints the text of a better one's is folded under that speech's
    /// hit (a speech printed twice, with and without a dateline). Off: every passage is a hit of its own.
    /// </summary>
    public bool FoldReprints { get; init; } = true;
    /// <summary>How the words are understood: free text (default), exactly as typed, or the plain word baseline (needs <see cref="Searcher.Understanding"/>).</summary>
    public SearchMode Mode { get; init; } = SearchMode.Understood;
    /// <summary>
    /// When nothing is found, say what to try in <see cref="SearchResult.Advice"/> (<see cref="Searcher.Advise"/>: a few more
    /// searches, each suggestion counted). Off: no advice.
    /// </summary>
    public bool Advise { get; init; }
}

/// <summary>Result order.</summary>
public enum SearchSort
{
    Relevance,
    DateDescending,
    DateAscending,
}

/// <summary>How the words of a query are understood.</summary>
public enum SearchMode
{
    /// <summary>
    /// Free text: an unquoted query is read as its runs as written (ranked first), then its words without question and
    /// function words, ranked by BM25 with a minimum number of words a passage must hold, proximity and heading boosts.
    /// </summary>
    Understood,

    /// <summary>Exactly as typed: every run of Chinese is one phrase, and every word must match.</summary>
    Exact,

    /// <summary>The plain baseline: the query's words ORed under BM25, nothing else (for evaluation).</summary>
    Words,

    /// <summary>Meaning alone: the passages nearest the query's vector, nearest first (the dense baseline, for evaluation).</summary>
    Vectors,
}
