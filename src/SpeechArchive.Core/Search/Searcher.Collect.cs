using System.Buffers;

namespace SpeechArchive.Search;

/// <summary>The collect stage's output: the page's passages (score, and with grouping the passages matched in the speech), totals and facets.</summary>
internal sealed record CollectedHits(List<(int Doc, double Score, int? InSpeech)> Top, int Total, int Speeches, FacetCollector Facets, int Offset, int Limit);

public sealed partial class Searcher
{
    /// <summary>
    /// The collect stage: one pass over the ranked passages (or, without words, the facet tables or every passage) counting
    /// drill-sideways facets and totals and keeping the top of the page; with grouping, each speech's best passage.
    /// </summary>
    private CollectedHits Collect(Ranking ranking, ResolvedFilters filters, SearchRequest request)
    {
        var limit = Math.Clamp(request.Limit, 0, 1000);
        var offset = Math.Clamp(request.Offset, 0, 100_000);
        var facets = new FacetCollector(Index);
        var top = new TopK(offset + limit, request.Sort);
        var collected = new Collected(FacetCollector.RentCleared(Index.Speeches.Count), request.GroupBySpeech ? new (int Doc, double Score)[Index.Speeches.Count] : null);
        if (ranking.Single is { } single)
        {
            using var scorer = new Bm25(Index).Scorer(single);
            Collect(new WordCandidates(single, scorer), filters, facets, top, ref collected);
        }
        else if (ranking.Scored is { } scored)
        {
            Collect(new ScoredCandidates(scored), filters, facets, top, ref collected);
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

        var page = top.Drain().Skip(offset)
            .Select(x => (x.Doc, x.Score, bestInSpeech is null ? (int?)null : perSpeech[Index.PassageSpeech[x.Doc]]))
            .ToList();
        System.Buffers.ArrayPool<int>.Shared.Return(perSpeech);
        var total = bestInSpeech is null ? collected.Total : collected.Speeches;
        return new CollectedHits(page, total, collected.Speeches, facets, offset, limit);
    }

    /// <summary>What one pass over the candidates found: per speech, the passages counted (and with grouping its best one).</summary>
    internal struct Collected(int[] perSpeech, (int Doc, double Score)[]? bestInSpeech)
    {
        public readonly int[] PerSpeech = perSpeech;
        public readonly (int Doc, double Score)[]? BestInSpeech = bestInSpeech;
        public int Total;
        public int Speeches;
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
    private readonly struct WordCandidates(WordMatch match, WordScorer scorer) : ICandidates
    {
        public int Count => match.Docs.Length;

        public int Doc(int i) => match.Docs[i];

        public double Score(int i, int doc) => scorer.Score(doc, match.Frequency(i));
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
        if (!Exhaustive && filters.IsEmpty && bestInSpeech is null && SearchStructures.Of(Index).PassageRows is { SpeechYear: { } speechYear, SpeechOrg: { } speechOrg } shape
            && 4L * count >= shape.LabelThemes.Length + speechYear.Length)
        {
            // (Few candidates: expanding every label set and speech afterwards would cost more than counting each passage.)
            // The common case, kept tight: every candidate passes and counts in every dimension. Two increments per passage
            // (its label set, its speech); themes and types, years and organisations are expanded from those after the loop.
            var rows = shape.Rows;
            var labelCounts = ArrayPool<int>.Shared.Rent(shape.LabelThemes.Length);
            Array.Clear(labelCounts, 0, shape.LabelThemes.Length);
            var threshold = top.Threshold;
            for (var i = 0; i < count; i++)
            {
                var doc = candidates.Doc(i);
                if (i + PrefetchDistance < count)
                {
                    Prefetch(rows, candidates.Doc(i + PrefetchDistance));
                }

                ref readonly var row = ref rows[doc];
                labelCounts[row.Labels]++;
                if (perSpeech[row.Speech]++ == 0)
                {
                    speeches++;
                }

                var score = candidates.Score(i, doc);
                if (score >= threshold)
                {
                    top.Offer(doc, score, row.Date);
                    threshold = top.Threshold;
                }
            }

            facets.AddLabelSets(labelCounts, shape);
            facets.AddSpeeches(perSpeech, speechYear, speechOrg);
            ArrayPool<int>.Shared.Return(labelCounts);
            collected.Total = count;
            collected.Speeches = speeches;
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

    /// <summary>How many candidates ahead the pass asks for a passage's row: rows of scattered passages miss the caches.</summary>
    private const int PrefetchDistance = 12;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(PassageRow[] rows, int doc)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref rows[doc]));
        }
    }
}
