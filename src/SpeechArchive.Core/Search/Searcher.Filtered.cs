using System.Buffers;

namespace SpeechArchive.Search;

public sealed partial class Searcher
{
    /// <summary>
    /// Filtered candidates, ungrouped: one pass that reads each passage's speech and label set (compact columns) rather than
    /// its packed row, its failed dimensions from <see cref="FilterColumns"/>, and counts the passages that pass and those
    /// failing one dimension (drill-sideways) by label set and by speech, expanded into facets afterwards. Passages that
    /// pass are offered the top k as they come, or — a term's own postings by relevance (<paramref name="single"/>) — from
    /// the blocks that can enter it (<see cref="PostingBlocks"/>), so that most are never scored. False when the shape does
    /// not allow it (grouping, per-passage years, few candidates): the general pass then runs.
    /// </summary>
    private bool CollectFiltered<T>(T candidates, ResolvedFilters filters, SearchRequest request, FacetCollector facets, TopK top, ref Collected collected,
        WordMatch? single = null, WordScorer? scorer = null)
        where T : struct, ICandidates
    {
        if (FilteredShape(candidates.Count, filters, collected) is not var (shape, columns))
        {
            return false;
        }

        CountFiltered(candidates, shape, columns, request, facets, top, ref collected, single, scorer);
        return true;
    }

    /// <summary>The columns a filtered pass over <paramref name="count"/> candidates reads, or null when the general pass must run.</summary>
    private (PassageRows Shape, FilterColumns Columns)? FilteredShape(int count, ResolvedFilters filters, in Collected collected) =>
        Exhaustive || filters.IsEmpty || collected.BestInSpeech is not null
            || SearchStructures.Of(Index).PassageRows is not { SpeechYear: { } speechYear, SpeechOrg: not null } shape
            || 4L * count < shape.LabelThemes.Length + speechYear.Length // (few: expanding the tables would cost more than the rows)
            || FilterColumns.Of(filters, shape, Index.PassageSpeech) is not { } columns
            ? null
            : (shape, columns);

    /// <summary>The filtered pass of <see cref="CollectFiltered"/> over columns that allow it.</summary>
    private void CountFiltered<T>(T candidates, PassageRows shape, FilterColumns columns, SearchRequest request, FacetCollector facets, TopK top,
        ref Collected collected, WordMatch? single = null, WordScorer? scorer = null)
        where T : struct, ICandidates
    {
        var (count, speechYear, speechOrg) = (candidates.Count, shape.SpeechYear!, shape.SpeechOrg!);
        var blocks = single is { TermFrequencies: not null, HeadingCoverage: null } && scorer is not null && request.Sort == SearchSort.Relevance;
        var (labelSets, speeches) = (shape.LabelThemes.Length, speechYear.Length);
        var (passing, themeOnly, typeOnly) = (FacetCollector.RentCleared(labelSets), FacetCollector.RentCleared(labelSets), FacetCollector.RentCleared(labelSets));
        var (yearOnly, orgOnly) = (FacetCollector.RentCleared(speeches), FacetCollector.RentCleared(speeches));
        var (perSpeech, dates) = (collected.PerSpeech, Index.PassageDate);
        var (total, speechCount, threshold) = (0, 0, top.Threshold);
        for (var i = 0; i < count; i++)
        {
            var doc = candidates.Doc(i);
            var failures = columns.Failures(doc);
            if (failures == 0)
            {
                total++;
                passing[columns.Labels(doc)]++;
                if (perSpeech[columns.Speech(doc)]++ == 0)
                {
                    speechCount++;
                }

                if (!blocks && candidates.Score(i, doc) is var score && score >= threshold)
                {
                    top.Offer(doc, score, dates[doc]);
                    threshold = top.Threshold;
                }
            }
            else if ((failures & (failures - 1)) == 0)
            {
                // Fails one dimension: counts only in that one (a speaker filter has no facet).
                switch (failures)
                {
                    case 1 << ResolvedFilters.YearDim:
                        yearOnly[columns.Speech(doc)]++;
                        break;
                    case 1 << ResolvedFilters.OrgDim:
                        orgOnly[columns.Speech(doc)]++;
                        break;
                    case 1 << ResolvedFilters.ThemeDim:
                        themeOnly[columns.Labels(doc)]++;
                        break;
                    case 1 << ResolvedFilters.TypeDim:
                        typeOnly[columns.Labels(doc)]++;
                        break;
                    default:
                        break;
                }
            }
        }

        facets.AddLabelSets(passing, shape);
        facets.AddLabelSets(themeOnly, shape, withTypes: false);
        facets.AddLabelSets(typeOnly, shape, withThemes: false);
        facets.AddSpeeches(perSpeech, speechYear, speechOrg);
        facets.AddSpeeches(yearOnly, speechYear, null);
        facets.AddSpeeches(orgOnly, null, speechOrg);
        foreach (var pooled in new[] { passing, themeOnly, typeOnly, yearOnly, orgOnly })
        {
            ArrayPool<int>.Shared.Return(pooled);
        }

        if (blocks)
        {
            PostingBlocks.Of(single!.Docs, single.TermFrequencies!, shape.Rows).Offer(single, scorer!, top, dates, columns);
        }

        collected.Total = total;
        collected.Speeches = speechCount;
    }
}
