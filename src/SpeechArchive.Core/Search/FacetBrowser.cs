using System.Numerics;

namespace SpeechArchive.Search;

/// <summary>
/// Browsing without words — everything, or one dimension's values selected (a year range, one theme, one directive type,
/// organisations) — answered from <see cref="FacetTables"/>: no pass over the passages. Other shapes (two dimensions,
/// several themes or types, a speaker, grouping, oldest first) are left to the full pass.
/// </summary>
internal static class FacetBrowser
{
    public static bool TryBrowse(IndexSnapshot index, ResolvedFilters filters, SearchRequest request, FacetCollector facets, TopK top, ref Searcher.Collected collected)
    {
        if (request.GroupBySpeech || request.Sort == SearchSort.DateAscending || filters.SpeakerSpeeches is not null)
        {
            return false;
        }

        var dims = (filters.Years.Count > 0 ? 1 : 0) + (filters.HasThemes ? 1 : 0) + (filters.HasTypes ? 1 : 0) + (filters.Orgs is null ? 0 : 1);
        if (dims > 1
            || (filters.HasThemes && BitOperations.PopCount(filters.ThemeMask) != 1)
            || (filters.HasTypes && BitOperations.PopCount(filters.TypeMask) != 1))
        {
            return false;
        }

        var tables = SearchStructures.Of(index).Facets;
        if (filters.Years.Count > 0 && !tables.YearsInRange)
        {
            return false;
        }

        var k = top.Capacity; // the page and what the collect stage keeps beyond it (reprints folded: Searcher.Collect)
        var dates = index.PassageDate;
        if (dims == 0)
        {
            facets.Add(tables.All, tables.Years);
            collected.Total = tables.All.Passages;
            collected.Speeches = tables.All.Speeches;
            Offer(tables.AllDocs, k, top, dates);
            return true;
        }

        var dim = filters.Years.Count > 0 ? ResolvedFilters.YearDim
            : filters.HasThemes ? ResolvedFilters.ThemeDim
            : filters.HasTypes ? ResolvedFilters.TypeDim
            : ResolvedFilters.OrgDim;
        facets.AddDimension(tables.All, tables.Years, dim); // drill-sideways: the selected dimension counts as if unselected
        var values = tables.ByDim[dim];
        for (var v = 0; v < values.Length; v++)
        {
            if (!Selected(tables, filters, dim, v))
            {
                continue;
            }

            // The values of one dimension hold disjoint passages and (years, organisations: per speech) disjoint speeches.
            var table = values[v];
            facets.Add(table.Counts, tables.Years, skipDim: dim);
            collected.Total += table.Counts.Passages;
            collected.Speeches += table.Counts.Speeches;
            Offer(table.Docs, k, top, dates);
        }

        return true;
    }

    private static bool Selected(FacetTables tables, ResolvedFilters filters, int dim, int value)
    {
        switch (dim)
        {
            case ResolvedFilters.YearDim:
                var y = tables.Years[value];
                foreach (var (from, to) in filters.Years)
                {
                    if (y >= from && y <= to)
                    {
                        return true;
                    }
                }

                return false;
            case ResolvedFilters.ThemeDim:
                return (filters.ThemeMask & (1u << value)) != 0;
            case ResolvedFilters.TypeDim:
                return (filters.TypeMask & (1u << value)) != 0;
            default:
                return filters.Orgs![value];
        }
    }

    /// <summary>The first <paramref name="k"/> of a newest-first list are its best k: without words every score is 0.</summary>
    private static void Offer(int[] docs, int k, TopK top, int[] dates)
    {
        for (var i = 0; i < docs.Length && i < k; i++)
        {
            top.Offer(docs[i], 0, dates[docs[i]]);
        }
    }
}
