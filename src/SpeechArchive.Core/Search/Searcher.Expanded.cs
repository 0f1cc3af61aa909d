namespace SpeechArchive.Search;

public sealed partial class Searcher
{
    /// <summary>
    /// A word widened by thesaurus terms (<see cref="ExpandedClause"/>), ungrouped, by relevance: the top k from the passages
    /// holding the word as typed, when k of them pass the filters (every one of them ranks above every passage found only
    /// through a term); totals and facets counted over the compact columns without scoring (unfiltered, kept in
    /// <see cref="BroadCounts"/> as a broad word's are). False when the shape does not allow it (then nothing has been
    /// counted or offered, and the clause is ranked whole).
    /// </summary>
    private bool CollectExpanded(ExpandedClause clause, ResolvedFilters filters, SearchRequest request, FacetCollector facets, TopK top, ref Collected collected)
    {
        var structures = SearchStructures.Of(Index);
        if (Exhaustive || collected.BestInSpeech is not null || request.Sort != SearchSort.Relevance
            || structures.PassageRows is not { SpeechYear: { } speechYear, SpeechOrg: not null } shape)
        {
            return false;
        }

        // Counts kept for the clause say how many passages it has without joining its terms' passages (the count is all of them).
        var known = filters.IsEmpty && structures.BroadCounts.TryGet(clause.CountKey, out var kept) ? kept : null;
        var count = known?.Total ?? clause.Count;
        var filtered = filters.IsEmpty ? null : FilteredShape(count, filters, collected);
        if (filters.IsEmpty ? 4L * count < shape.LabelThemes.Length + speechYear.Length : filtered is null)
        {
            return false;
        }

        var exact = new TopK(top.Capacity, request.Sort);
        if (filtered is { } f)
        {
            // Counted on another core while the top k is found: neither needs the other (a count left over is dropped).
            var every = new TwoCandidates(clause.Typed, clause.TermsOnly);
            var counting = Task.Run(() => CountFilteredApart(every, f.Shape, f.Columns, request));
            var offered = clause.OfferExact(exact, f.Columns, Index.PassageDate);
            var (counts, total, speeches) = counting.GetAwaiter().GetResult();
            if (!offered)
            {
                return false;
            }

            facets.Add(counts);
            (collected.Total, collected.Speeches) = (total, speeches);
        }
        else if (!clause.OfferExact(exact, null, Index.PassageDate))
        {
            return false;
        }
        else
        {
            var counts = known ?? structures.BroadCounts.GetOrCount(clause.CountKey,
                () => WithRepeats(CountApart(new TwoCandidates(clause.Typed, clause.TermsOnly), shape), [clause.Typed, clause.TermsOnly], filters));
            facets.Add(counts.Facets);
            (collected.Total, collected.Speeches, collected.Repeats) = (counts.Total, counts.Speeches, counts.Repeats);
        }

        foreach (var (doc, score, date) in exact.Drain())
        {
            top.Offer(doc, score, date);
        }

        return true;
    }

    /// <summary>A filtered count (<see cref="CountFiltered"/>) of its own: the facets' counts, the total and the speeches.</summary>
    private (FacetTotals Counts, int Total, int Speeches) CountFilteredApart(TwoCandidates every, PassageRows shape, FilterColumns columns, SearchRequest request)
    {
        var facets = new FacetCollector(Index);
        var collected = new Collected(FacetCollector.RentCleared(Index.Speeches.Count), null);
        try
        {
            CountFiltered(every, shape, columns, request, facets, new TopK(0, request.Sort), ref collected);
            return (facets.Copy(), collected.Total, collected.Speeches);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(collected.PerSpeech);
        }
    }

    /// <summary>The passages of two disjoint lists, one after the other, counted but not scored (their top k found apart).</summary>
    private readonly struct TwoCandidates(int[] first, int[] second) : ICandidates
    {
        public int Count => first.Length + second.Length;

        public int Doc(int i) => i < first.Length ? first[i] : second[i - first.Length];

        public double Score(int i, int doc) => 0;
    }
}
