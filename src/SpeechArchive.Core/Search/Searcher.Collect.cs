using System.Buffers;

namespace SpeechArchive.Search;

/// <summary>
/// The collect stage's output: the page's passages (score, with grouping the passages matched in the speech, and the reprints
/// folded under it), totals and facets.
/// </summary>
internal sealed record CollectedHits(List<(int Doc, double Score, int? InSpeech, List<int>? Reprints)> Top, int Total, int Speeches, FacetCollector Facets, int Offset, int Limit)
{
    /// <summary>The counted passages folded under another hit, on any page (<see cref="SearchResult.Folded"/>).</summary>
    public int Folded { get; init; }
}

public sealed partial class Searcher
{
    /// <summary>
    /// The collect stage: one pass over the ranked passages (or, without words, the facet tables or every passage) counting
    /// drill-sideways facets and totals and keeping the top of the page; with grouping, each speech's best passage. With
    /// <paramref name="reorder"/>, at least the best <see cref="Ranker.TopicalDepth"/> are kept and handed to it, best first,
    /// before the page is cut from them (the topical order: the same order on every page).
    /// </summary>
    private CollectedHits Collect(Ranking ranking, ResolvedFilters filters, SearchRequest request,
        Func<List<(int Doc, double Score, int Date)>, List<(int Doc, double Score, int Date)>>? reorder = null, int foldMargin = FoldMargin)
    {
        var limit = Math.Clamp(request.Limit, 0, SearchRequest.MaxLimit);
        var offset = Math.Clamp(request.Offset, 0, SearchRequest.MaxOffset);
        var facets = new FacetCollector(Index);
        reorder = limit > 0 && offset < Ranker.TopicalDepth ? reorder : null; // a page beyond the reordered ones is as it was
        var reprints = request.FoldReprints && limit > 0 && SearchStructures.Of(Index).Reprints is { Groups: > 0 } r ? r : null;
        var grouped = request.GroupBySpeech;
        // Room for the reprints folded away; grouped, every speech's best passage is kept, so that a speech printed twice (with
        // and without a 新华社 dateline) is one hit on every page and the count of those folded is exact.
        var wanted = reprints is null ? offset + limit : grouped ? Math.Max(offset + limit, Index.Speeches.Count) : offset + limit + foldMargin;
        var top = new TopK(reorder is null ? wanted : Math.Max(wanted, Ranker.TopicalDepth), request.Sort);
        var collected = new Collected(FacetCollector.RentCleared(Index.Speeches.Count), request.GroupBySpeech ? new (int Doc, double Score)[Index.Speeches.Count] : null);
        if (ranking.Single is { } single)
        {
            using var scorer = new Bm25(Index).Scorer(single);
            var candidates = new WordCandidates(single, scorer, ranking.Raised);
            var bounded = ranking.Raised is null; // a raise lies beyond its blocks' bounds (a raised phrase is several terms: never on those paths)
            if (Exhaustive || !((bounded && CollectBroad(single, scorer, filters, request, facets, top, ref collected))
                || CollectFiltered(candidates, filters, request, facets, top, ref collected, bounded ? single : null, bounded ? scorer : null)))
            {
                Collect(candidates, filters, facets, top, ref collected);
            }
        }
        else if (ranking.Scored is not null || ranking.Expanded is not null)
        {
            if (ranking.Expanded is not { } expanded || !CollectExpanded(expanded, filters, request, facets, top, ref collected))
            {
                var scored = ranking.Expanded?.Scored ?? ranking.Scored!;
                if (!CollectFiltered(new ScoredCandidates(scored), filters, request, facets, top, ref collected))
                {
                    Collect(new ScoredCandidates(scored), filters, facets, top, ref collected);
                }
            }
        }
        else if (Exhaustive || !FacetBrowser.TryBrowse(Index, filters, request, facets, top, ref collected))
        {
            Collect(new AllCandidates(Index.Passages.Count, Index.PassageTypes, request.GroupBySpeech ? SubstanceMask() : 0), filters, facets, top, ref collected);
        }

        var (perSpeech, bestInSpeech) = (collected.PerSpeech, collected.BestInSpeech); // perSpeech: pooled, longer than the speeches
        if (bestInSpeech is not null)
        {
            for (var s = 0; s < Index.Speeches.Count; s++)
            {
                if (perSpeech[s] > 0)
                {
                    top.Offer(bestInSpeech[s].Doc, bestInSpeech[s].Score, Index.PassageDate[bestInSpeech[s].Doc]);
                }
            }
        }

        var drained = top.Drain();
        var ordered = reorder is null ? drained : reorder(drained);
        var folded = grouped ? reprints?.FoldSpeeches(ordered, Index.PassageSpeech) : reprints?.Fold(ordered);
        if (folded is not null && !grouped && folded.Count < offset + limit && drained.Count >= top.Capacity)
        {
            // So many folded away that the page reaches past what was kept, and more passages rank below: keep more.
            System.Buffers.ArrayPool<int>.Shared.Return(perSpeech);
            return Collect(ranking, filters, request, reorder, checked(foldMargin * 4));
        }

        var page = (folded ?? ordered.Select(x => (x.Doc, x.Score, x.Date, Folded: (List<int>?)null))).Skip(offset).Take(limit)
            .Select(x => (x.Doc, x.Score, bestInSpeech is null ? (int?)null : perSpeech[Index.PassageSpeech[x.Doc]], x.Folded))
            .ToList();
        System.Buffers.ArrayPool<int>.Shared.Return(perSpeech);
        if (reprints is not null && !grouped && drained.Count < collected.Total)
        {
            // Counted passages ranked below the kept ones: the page's hits list those printing their texts (no later page does).
            ListTwinsRankedBelow(page, reprints, ranking, filters, request.Sort);
        }

        var total = bestInSpeech is null ? collected.Total : collected.Speeches;
        var folds = grouped ? folded?.Sum(x => x.Folded?.Count ?? 0) ?? 0
            : FoldedAmongCounted(reprints, folded, drained.Count, collected.Total, collected.Repeats, ranking, filters);
        return new CollectedHits(page, total, collected.Speeches, facets, offset, limit) { Folded = folds };
    }

    /// <summary>
    /// How many of the counted passages folding takes out (<see cref="SearchResult.Folded"/>): those folded among the
    /// <paramref name="kept"/> when they are all of them, else counted over every counted passage (the ranking's matches that
    /// pass the filters, or for a broad word what <see cref="BroadCounts"/> kept), so the counted hits end where the pager says
    /// on every page.
    /// </summary>
    private int FoldedAmongCounted(Reprints? reprints, List<(int Doc, double Score, int Date, List<int>? Folded)>? folded, int kept, int total,
        int? repeats, Ranking ranking, ResolvedFilters filters)
    {
        if (reprints is null || folded is null)
        {
            return 0;
        }

        if (kept >= total)
        {
            return folded.Sum(x => x.Folded?.Count ?? 0);
        }

        return repeats ?? reprints.RepeatsAmong(CountedLists(ranking), filters, SearchStructures.Of(Index).Rows);
    }

    /// <summary>
    /// The ranking's matches as sorted lists no passage is in twice (a word widened by thesaurus terms: the passages of the word
    /// as typed, and those of its terms only, not joined), or null for every passage.
    /// </summary>
    private static IReadOnlyList<int[]>? CountedLists(Ranking ranking) =>
        ranking.Expanded is { } clause ? [clause.Typed, clause.TermsOnly] : ranking.Docs is { } docs ? [docs] : null;

    /// <summary>
    /// <paramref name="counts"/> with the passages folding takes out of them (<see cref="CountedLists"/> of the clause or word),
    /// when the snapshot's reprints are made: kept with a broad word's counts, so the next search of it need not count them.
    /// </summary>
    private BroadCounts.Counts WithRepeats(BroadCounts.Counts counts, IReadOnlyList<int[]> lists, ResolvedFilters filters) =>
        SearchStructures.Of(Index) is { ReprintsIfMade: { Groups: > 0 } reprints } structures
            ? counts with { Repeats = reprints.RepeatsAmong(lists, filters, structures.Rows) } : counts;

    /// <summary>
    /// How many more passages than the page reaches are first ranked when reprints are folded: twins score alike and rank
    /// side by side, so a page loses few to folding and is filled from these (when more fold away than this and more passages
    /// rank below, the pass is made again keeping four times as many). A twin ranked below them all is listed under its text's
    /// hit all the same (<see cref="ListTwinsRankedBelow"/>).
    /// </summary>
    private const int FoldMargin = 100;

    /// <summary>What one pass over the candidates found: per speech, the passages counted (and with grouping its best one).</summary>
    internal struct Collected(int[] perSpeech, (int Doc, double Score)[]? bestInSpeech)
    {
        public readonly int[] PerSpeech = perSpeech;
        public readonly (int Doc, double Score)[]? BestInSpeech = bestInSpeech;
        public int Total;
        public int Speeches;

        /// <summary>Of the counted passages, those folding takes out, where a pass knew it (the counts kept for a broad word or a widened one).</summary>
        public int? Repeats;
    }

    /// <summary>The passages a search looks at, each with its score: a generic argument, so each kind gets its own compiled loop.</summary>
    private interface ICandidates
    {
        int Count { get; }

        int Doc(int i);

        double Score(int i, int doc);
    }

    /// <summary>
    /// Every passage (a query without words). Grouped by speech, a passage that says something (a directive type other than
    /// meeting business: 会议事务 such as 请予审议) scores 1 and the others 0, so a speech is shown by its first passage of
    /// substance; else all score 0 (<paramref name="substance"/> 0), as the facet tables' shortcut gives them.
    /// </summary>
    private readonly struct AllCandidates(int count, uint[] types, uint substance) : ICandidates
    {
        public int Count => count;

        public int Doc(int i) => i;

        public double Score(int i, int doc) => (types[doc] & substance) != 0 ? 1 : 0;
    }

    /// <summary>The directive-type bits of substance: all but meeting business (the taxonomy's <c>procedural</c>).</summary>
    private uint SubstanceMask()
    {
        var mask = 0u;
        for (var t = 0; t < Index.DirectiveTypes.Count && t < 32; t++)
        {
            if (Index.DirectiveTypes[t].Id != "procedural")
            {
                mask |= 1u << t;
            }
        }

        return mask;
    }

    private readonly struct ScoredCandidates(ScoredDocs scored) : ICandidates
    {
        public int Count => scored.Count;

        public int Doc(int i) => scored.Docs[i];

        public double Score(int i, int doc) => scored.Scores[i];
    }

    /// <summary>The passages of one word, scored on the way.</summary>
    private readonly struct WordCandidates(WordMatch match, WordScorer scorer, (int[] Docs, double By)? raised = null) : ICandidates
    {
        public int Count => match.Docs.Length;

        public int Doc(int i) => match.Docs[i];

        public double Score(int i, int doc) =>
            scorer.Score(doc, match.Frequency(i)) + (raised is { } r && Array.BinarySearch(r.Docs, doc) >= 0 ? r.By : 0);
    }

    /// <summary>
    /// One pass over the candidates: filters (drill-sideways facet counts for those failing one dimension), totals per speech,
    /// and the top k — or with grouping each speech's best passage.
    /// </summary>
    private void Collect<T>(T candidates, ResolvedFilters filters, FacetCollector facets, TopK top, ref Collected collected)
        where T : struct, ICandidates
    {
        var perSpeech = collected.PerSpeech;
        var bestInSpeech = collected.BestInSpeech;
        var total = 0;
        var speeches = 0;
        var count = candidates.Count;
        if (!Exhaustive && filters.IsEmpty && bestInSpeech is null && SearchStructures.Of(Index).PassageRows is { SpeechYear: not null, SpeechOrg: not null } shape
            && 4L * count >= shape.LabelThemes.Length + shape.SpeechYear.Length)
        {
            // (Few candidates: expanding every label set and speech afterwards would cost more than counting each passage.)
            // The common case, kept tight: every candidate passes and counts in every dimension, then is offered the top k.
            CountUnfiltered(candidates, shape, facets, ref collected);
            var (rows, threshold) = (shape.Rows, top.Threshold);
            for (var i = 0; i < count; i++)
            {
                var doc = candidates.Doc(i);
                var score = candidates.Score(i, doc);
                if (score >= threshold)
                {
                    top.Offer(doc, score, rows[doc].Date);
                    threshold = top.Threshold;
                }
            }

            return;
        }

        var all = SearchStructures.Of(Index).Rows;
        for (var i = 0; i < count; i++)
        {
            var doc = candidates.Doc(i);
            ref readonly var row = ref all[doc];
            if (!facets.Collect(in row, filters.Failures(in row)))
            {
                continue;
            }

            var score = candidates.Score(i, doc);
            total++;
            var speech = row.Speech;
            if (perSpeech[speech]++ == 0)
            {
                speeches++;
                if (bestInSpeech is not null)
                {
                    bestInSpeech[speech] = (doc, score);
                }
            }
            else if (bestInSpeech is not null && score > bestInSpeech[speech].Score)
            {
                bestInSpeech[speech] = (doc, score);
            }

            if (bestInSpeech is null)
            {
                top.Offer(doc, score, row.Date);
            }
        }

        collected.Total = total;
        collected.Speeches = speeches;
    }

    /// <summary>
    /// Totals and facets of candidates that all pass (no filters, no grouping), counted with two increments per passage —
    /// its label set, its speech — from compact columns when there is one (two and four bytes a passage), else from the rows;
    /// themes and types, years and organisations are expanded from those afterwards.
    /// </summary>
    private void CountUnfiltered<T>(T candidates, PassageRows shape, FacetCollector facets, ref Collected collected)
        where T : struct, ICandidates
    {
        var (perSpeech, count, speeches) = (collected.PerSpeech, candidates.Count, 0);
        var labelCounts = FacetCollector.RentCleared(shape.LabelThemes.Length);
        if (shape.LabelColumn is { } labels)
        {
            var speechOf = Index.PassageSpeech;
            for (var i = 0; i < count; i++)
            {
                var doc = candidates.Doc(i);
                labelCounts[labels[doc]]++;
                if (perSpeech[speechOf[doc]]++ == 0)
                {
                    speeches++;
                }
            }
        }
        else
        {
            var rows = shape.Rows;
            for (var i = 0; i < count; i++)
            {
                ref readonly var row = ref rows[candidates.Doc(i)];
                labelCounts[row.Labels]++;
                if (perSpeech[row.Speech]++ == 0)
                {
                    speeches++;
                }
            }
        }

        facets.AddLabelSets(labelCounts, shape);
        facets.AddSpeeches(perSpeech, shape.SpeechYear!, shape.SpeechOrg!);
        ArrayPool<int>.Shared.Return(labelCounts);
        collected.Total = count;
        collected.Speeches = speeches;
    }

    /// <summary>Totals and facets of candidates that all pass (<see cref="CountUnfiltered"/>), counted apart from a search's own.</summary>
    private BroadCounts.Counts CountApart<T>(T candidates, PassageRows shape)
        where T : struct, ICandidates
    {
        var facets = new FacetCollector(Index);
        var collected = new Collected(FacetCollector.RentCleared(Index.Speeches.Count), null);
        try
        {
            CountUnfiltered(candidates, shape, facets, ref collected);
            return new BroadCounts.Counts(collected.Total, collected.Speeches, facets.Copy());
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(collected.PerSpeech);
        }
    }

    /// <summary>
    /// A broad word (one term's own postings, many passages) unfiltered, ungrouped, by relevance: totals and facets counted
    /// over the compact columns without scoring (with the reprints among them, <see cref="WithRepeats"/>), or taken from the
    /// snapshot's <see cref="BroadCounts"/>; the top k from the
    /// blocks of its postings that can enter it (<see cref="PostingBlocks"/>). False when the word is not such a case.
    /// </summary>
    private bool CollectBroad(WordMatch single, WordScorer scorer, ResolvedFilters filters, SearchRequest request, FacetCollector facets,
        TopK top, ref Collected collected)
    {
        var structures = SearchStructures.Of(Index);
        if (!filters.IsEmpty || collected.BestInSpeech is not null || request.Sort != SearchSort.Relevance || single.TermFrequencies is not { } tfs
            || single.HeadingCoverage is not null || single.Docs.Length < BroadFrom
            || structures.PassageRows is not { SpeechYear: not null, SpeechOrg: not null } shape)
        {
            return false;
        }

        var counts = structures.BroadCounts.GetOrCount(single.Word.MatchForm, () => WithRepeats(CountApart(new WordCandidates(single, scorer), shape), [single.Docs], filters));
        facets.Add(counts.Facets);
        (collected.Total, collected.Speeches, collected.Repeats) = (counts.Total, counts.Speeches, counts.Repeats);

        PostingBlocks.Of(single.Docs, tfs, shape.Rows).Offer(single, scorer, top, Index.PassageDate);
        return true;
    }
}
