namespace SpeechArchive.Search;

public sealed partial class Searcher
{
    /// <summary>
    /// A word widened by thesaurus terms (<see cref="ExpandedClause"/>), ungrouped, by relevance: the top k from the passages
    /// holding the word as typed, when k of them pass the filters (every one of them ranks above every passage found only
    /// through a term); totals and facets counted over the compact columns without scoring. False when the shape does not
    /// allow it (then nothing has been counted or offered, and the clause is ranked whole).
    /// </summary>
    private bool CollectExpanded(ExpandedClause clause, ResolvedFilters filters, SearchRequest request, FacetCollector facets, TopK top, ref Collected collected)
    {
        if (Exhaustive || collected.BestInSpeech is not null || request.Sort != SearchSort.Relevance
            || SearchStructures.Of(Index).PassageRows is not { SpeechYear: { } speechYear, SpeechOrg: not null } shape)
        {
            return false;
        }

        var docs = clause.Docs;
        var filtered = filters.IsEmpty ? null : FilteredShape(docs.Length, filters, collected);
        if (filters.IsEmpty ? 4L * docs.Length < shape.LabelThemes.Length + speechYear.Length : filtered is null)
        {
            return false;
        }

        var exact = new TopK(Math.Clamp(request.Offset, 0, 100_000) + Math.Clamp(request.Limit, 0, 1000), request.Sort);
        if (!clause.OfferExact(exact, filtered?.Columns, Index.PassageDate))
        {
            return false;
        }

        if (filtered is { } f)
        {
            CountFiltered(new DocCandidates(docs), f.Shape, f.Columns, request, facets, new TopK(0, request.Sort), ref collected);
        }
        else
        {
            CountUnfiltered(new DocCandidates(docs), shape, facets, ref collected);
        }

        foreach (var (doc, score, date) in exact.Drain())
        {
            top.Offer(doc, score, date);
        }

        return true;
    }

    /// <summary>Passages counted but not scored (their top k found apart).</summary>
    private readonly struct DocCandidates(int[] docs) : ICandidates
    {
        public int Count => docs.Length;

        public int Doc(int i) => docs[i];

        public double Score(int i, int doc) => 0;
    }
}
