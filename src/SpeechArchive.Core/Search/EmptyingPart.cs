namespace SpeechArchive.Search;

/// <summary>
/// An exclusion or a filter without which a query that found nothing finds passages (<see cref="NoResultsAdvice.EmptiedBy"/>):
/// 以钉钉子精神 -落实 finds nothing, every passage it holds also holding 落实; without -落实 it finds <see cref="Total"/>.
/// </summary>
/// <param name="Kind"><see cref="Exclusion"/> or <see cref="Filter"/> (both typed into the query), or <see cref="Selection"/> (one of the request's filters).</param>
/// <param name="Part">As typed: <c>-落实</c>, <c>year:2021</c>; the query's exclusions together (<c>-落实 -工作</c>) where no one alone emptied it.</param>
/// <param name="Field">The filter's field (year, theme, type, org, category, speaker); null for an exclusion.</param>
/// <param name="Value">The excluded word (words together: 落实、工作) or the filter's value, without its quotes.</param>
/// <param name="Query">The query without it (for a selection, the query itself).</param>
/// <param name="Filters">The request's filters without it (for a part of the query, the request's own).</param>
/// <param name="Total">The passages that <see cref="Query"/> with <see cref="Filters"/> finds, exactly (near matches not counted).</param>
public sealed record EmptyingPart(string Kind, string Part, string? Field, string Value, string Query, IReadOnlyList<string> Filters, int Total)
{
    /// <summary>An exclusion typed into the query (-落实).</summary>
    public const string Exclusion = "exclusion";

    /// <summary>A filter typed into the query (year:2021).</summary>
    public const string Filter = "filter";

    /// <summary>A filter of the request (<see cref="SearchRequest.Filters"/>: the search page's facet boxes).</summary>
    public const string Selection = "selection";
}
