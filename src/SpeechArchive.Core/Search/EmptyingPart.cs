namespace SpeechArchive.Search;

/// <summary>
/// An exclusion or a filter without which a query that found nothing finds passages (<see cref="NoResultsAdvice.EmptiedBy"/>):
/// 以钉钉子精神 -落实 finds nothing, every passage it holds also holding 落实; without -落实 it finds <see cref="Total"/>.
/// </summary>
/// <param name="Kind">
/// <see cref="Exclusion"/>, <see cref="Exclusions"/> (the query's exclusions together, where no one alone emptied it),
/// <see cref="Filter"/> (a field typed into the query, every value of it: the values of one field are ORed), <see cref="Selection"/>
/// (a field of the request's filters, every value of it), or <see cref="Everything"/> (the exclusions and filters together,
/// where no one of them alone emptied it).
/// </param>
/// <param name="Part">As typed: <c>-落实</c>, <c>year:2021</c>, <c>-落实 -工作</c>, <c>year:1990 year:1991</c>; for a selection its filters (<c>year:2020</c>).</param>
/// <param name="Field">The filter's field (year, theme, type, org, category, speaker); null for exclusions and for <see cref="Everything"/>.</param>
/// <param name="Values">The excluded words, or the filter's values without their quotes (for <see cref="Everything"/>, none).</param>
/// <param name="Query">The query without it (for a selection, the query itself).</param>
/// <param name="Filters">The request's filters without it (for a part of the query, the request's own).</param>
/// <param name="Total">The passages that <see cref="Query"/> with <see cref="Filters"/> finds, exactly (near matches not counted).</param>
public sealed record EmptyingPart(string Kind, string Part, string? Field, IReadOnlyList<string> Values, string Query, IReadOnlyList<string> Filters, int Total)
{
    /// <summary>An exclusion typed into the query (-落实).</summary>
    public const string Exclusion = "exclusion";

    /// <summary>The query's exclusions together (-落实 -工作), where no one of them alone emptied the result.</summary>
    public const string Exclusions = "exclusions";

    /// <summary>A field typed into the query, every value of it (year:2021; year:1990 year:1991).</summary>
    public const string Filter = "filter";

    /// <summary>A field of the request's filters (<see cref="SearchRequest.Filters"/>: the search page's facet boxes), every value of it.</summary>
    public const string Selection = "selection";

    /// <summary>Every exclusion and filter together: the words alone, where no one part alone emptied the result.</summary>
    public const string Everything = "everything";
}
