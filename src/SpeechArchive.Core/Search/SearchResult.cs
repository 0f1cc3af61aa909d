namespace SpeechArchive.Search;

/// <summary>The answer to a search; serialised as the CLI's <c>search --json</c> and the web API's <c>/api/search</c>.</summary>
public sealed record SearchResult
{
    public required string Query { get; init; }
    public required int Total { get; init; }
    /// <summary>
    /// Of the <see cref="Total"/> passages (grouped by speech: speeches), those folded under another hit as reprints of its text
    /// (<see cref="SearchRequest.FoldReprints"/>), on this page or any other: the counted hits end at <see cref="Total"/> − this.
    /// 0 when nothing is folded (<c>fold=0</c>, or no page asked for: a limit of 0).
    /// </summary>
    public int Folded { get; init; }
    public required int TotalSpeeches { get; init; }
    public required double TookMs { get; init; }
    public required int Offset { get; init; }
    public required int Limit { get; init; }
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    public required SearchFacets Facets { get; init; }
    /// <summary>The words and phrases that were searched, as understood.</summary>
    public IReadOnlyList<string> Searched { get; init; } = [];
    /// <summary>Words widened through the thesaurus, with what else was searched for each.</summary>
    public IReadOnlyList<QueryExpansion> Expansions { get; init; } = [];
    /// <summary>How a free-text query was read (words, dropped words, minimum match); null when it was matched strictly.</summary>
    public QueryReading? Reading { get; init; }
    /// <summary>Near matches ranked after the <see cref="Total"/> strict ones (a text printed twice once, as the hits are); the facets do not count them.</summary>
    public int NearTotal { get; init; }
    /// <summary>What to try when nothing was found and <see cref="SearchRequest.Advise"/> asked (<see cref="NoResultsAdvice"/>); else null.</summary>
    public NoResultsAdvice? Advice { get; init; }
    /// <summary>
    /// What a <c>speaker:</c> or <c>org:</c> filter cannot reach: how many speeches record no speaker (or organisation), which
    /// no such filter passes (<see cref="FilterValueAdvice.Notes"/>); empty without those filters or when every speech records it.
    /// </summary>
    public IReadOnlyList<string> FilterNotes { get; init; } = [];
    /// <summary>
    /// A bare year typed among free text's words (生态环境保护 2020), offered as a year filter instead (<see cref="YearHints"/>):
    /// the query to search and how many of these results are of that year; empty where no such year was typed.
    /// </summary>
    public IReadOnlyList<YearFilterHint> YearFilters { get; init; } = [];
}

/// <summary>One passage hit.</summary>
public sealed record SearchHit
{
    public required string SpeechId { get; init; }
    public required string Title { get; init; }
    public int? Year { get; init; }
    public string? Date { get; init; }
    public string? Organization { get; init; }

    /// <summary>Who gave the speech, when known (what <c>speaker:</c> filters by and the CSV export gives).</summary>
    public string? Speaker { get; init; }

    /// <summary>The label of the speech's category (类别), when it has one (see <see cref="Documents.CategoryLabels"/>).</summary>
    public string? Category { get; init; }
    public required string Section { get; init; }
    public required string PassageId { get; init; }
    public required string Text { get; init; }
    /// <summary>HTML-safe excerpt with the matched words in &lt;mark&gt;.</summary>
    public required string Snippet { get; init; }
    /// <summary>The score of the hit's place in the ranking (the topical order reorders strict matches and keeps the scores in their places, so a page reads best first).</summary>
    public required double Score { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> DirectiveTypes { get; init; } = [];
    /// <summary>With grouping: how many passages of this speech matched.</summary>
    public int? PassagesInSpeech { get; init; }
    /// <summary>How it matched (<see cref="HitMatch"/>): <see cref="HitMatch.Exact"/>, <see cref="HitMatch.Expanded"/>, <see cref="HitMatch.Aligned"/>, <see cref="HitMatch.Near"/>….</summary>
    public string Match { get; init; } = HitMatch.Exact;
    /// <summary>For a near match, the share of the query it holds in order (0–1).</summary>
    public double? Similarity { get; init; }
    /// <summary>
    /// For a hit through a heading or title (<see cref="HitMatch.Heading"/>, <see cref="HitMatch.Title"/>): that heading, HTML-safe,
    /// with the matched words in &lt;mark&gt;; the hit's passage is the first under it.
    /// </summary>
    public string? MatchedHeading { get; init; }
    /// <summary>
    /// The other passages that print this hit's text (<see cref="SearchRequest.FoldReprints"/>), in rank order: the same
    /// passage in another speech, shown once here rather than as hits of their own; every counted one, however far below the
    /// hit it ranks (no other page lists it).
    /// </summary>
    public IReadOnlyList<SearchReprint> Reprints { get; init; } = [];

    /// <summary>The hit for passage <paramref name="doc"/>: its speech, place, text and labels, with the snippet and score given.</summary>
    internal static SearchHit Of(IndexSnapshot index, int doc, string snippet, double score, int? passagesInSpeech = null)
    {
        var p = index.Passages[doc];
        var speech = index.Speeches[p.Speech];
        return new SearchHit
        {
            SpeechId = speech.Id,
            Title = speech.Title,
            Year = speech.Year,
            Date = speech.Date,
            Organization = speech.Organization,
            Speaker = speech.Speaker,
            Category = speech.CategoryLabel,
            Section = p.SectionPath,
            PassageId = p.Id,
            Text = p.SourceText[p.Start..p.End].ToString(),
            Snippet = snippet,
            Score = Math.Round(score, 4),
            Themes = p.Themes,
            DirectiveTypes = p.DirectiveTypes,
            PassagesInSpeech = passagesInSpeech,
        };
    }
}

/// <summary>A passage folded under a hit that holds the same text: where it was printed.</summary>
public sealed record SearchReprint(string PassageId, string SpeechId, string Title, string? Date, int? Year, string Section)
{
    internal static SearchReprint Of(IndexSnapshot index, int doc)
    {
        var p = index.Passages[doc];
        var speech = index.Speeches[p.Speech];
        return new SearchReprint(p.Id, speech.Id, speech.Title, speech.Date, speech.Year, p.SectionPath);
    }
}

/// <summary>Facet counts, each computed drill-sideways (ignoring the dimension's own filter).</summary>
public sealed record SearchFacets
{
    public IReadOnlyList<FacetValue> Theme { get; init; } = [];
    public IReadOnlyList<FacetValue> Year { get; init; } = [];

    /// <summary>
    /// The passages counted for the year facet whose speech has no year (no value to select: the year facet's values and
    /// this add up to what the year facet counts, the total where no year is selected).
    /// </summary>
    public int YearUnknown { get; init; }

    public IReadOnlyList<FacetValue> DirectiveType { get; init; } = [];
    public IReadOnlyList<FacetValue> Organization { get; init; } = [];
    /// <summary>The categories (类别) of speeches that name no organisation, by label; selected with <c>category:</c>.</summary>
    public IReadOnlyList<FacetValue> Category { get; init; } = [];
}

/// <summary>One facet value, its display label and its count; <see cref="Selected"/> when it is among the active filters.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected = false);
