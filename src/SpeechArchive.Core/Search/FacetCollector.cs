using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace SpeechArchive.Search;

/// <summary>
/// Counts facet values drill-sideways, as Lucene's DrillSideways does: a passage that passes every filter counts in every
/// dimension; one that fails exactly one dimension's filter counts only in that dimension, so selecting 2022 still shows the
/// other years' counts for the query.
/// </summary>
internal sealed class FacetCollector(IndexSnapshot index)
{
    /// <summary>Where a year is counted: itself, 1–9999; slot 0 for a passage whose speech has no year (<see cref="SearchFacets.YearUnknown"/>).</summary>
    private static int YearSlot(int year) => year is > 0 and < 10000 ? year : 0;

    /// <summary>Years 1–9999 as text and as a label (2020, 2020年), made once each (reference writes: safe to share).</summary>
    private static readonly string?[] YearValues = new string?[10000], YearLabels = new string?[10000];

    private int[] years = RentCleared(10000);
    private readonly int[] themes = new int[32];
    private readonly int[] types = new int[32];
    private readonly int[] orgs = new int[index.Sources.Count];

    /// <summary>
    /// Adds passages counted by (themes, types) label set: each set's count to each of its themes and types (or only to
    /// those of one dimension: a passage failing the other's filter counts only there).
    /// </summary>
    public void AddLabelSets(int[] counts, PassageRows rows, bool withThemes = true, bool withTypes = true)
    {
        for (var i = 0; i < rows.LabelThemes.Length; i++)
        {
            var c = counts[i];
            if (c == 0)
            {
                continue;
            }

            for (var m = withThemes ? rows.LabelThemes[i] : 0; m != 0; m &= m - 1)
            {
                themes[BitOperations.TrailingZeroCount(m)] += c;
            }

            for (var m = withTypes ? rows.LabelTypes[i] : 0; m != 0; m &= m - 1)
            {
                types[BitOperations.TrailingZeroCount(m)] += c;
            }
        }
    }

    /// <summary>
    /// Adds passages counted by speech to the years and organisations (which are per speech: <see cref="PassageRows.SpeechYear"/>);
    /// a null column leaves its dimension out.
    /// </summary>
    public void AddSpeeches(int[] perSpeech, int[]? speechYear, int[]? speechOrg)
    {
        var count = (speechYear ?? speechOrg)?.Length ?? 0;
        for (var s = 0; s < count; s++)
        {
            var c = perSpeech[s];
            if (c == 0)
            {
                continue;
            }

            if (speechYear is not null)
            {
                years[YearSlot(speechYear[s])] += c;
            }

            if (speechOrg is not null && speechOrg[s] >= 0)
            {
                orgs[speechOrg[s]] += c;
            }
        }
    }

    /// <summary>Counts a passage that passes every filter, from its packed row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Count(in PassageRow row)
    {
        years[YearSlot(row.Year)]++;
        CountBits(row.Themes, themes);
        CountBits(row.Types, types);
        if (row.Org >= 0)
        {
            orgs[row.Org]++;
        }
    }

    /// <summary>Counts a passage given the dimensions it fails; returns true when it passes every filter.</summary>
    public bool Collect(in PassageRow row, int failures)
    {
        if (failures == 0)
        {
            Count(in row);
            return true;
        }

        if ((failures & (failures - 1)) != 0)
        {
            return false; // fails two or more dimensions: counts nowhere
        }

        switch (BitOperations.TrailingZeroCount(failures))
        {
            case ResolvedFilters.YearDim:
                years[YearSlot(row.Year)]++;
                break;
            case ResolvedFilters.ThemeDim:
                CountBits(row.Themes, themes);
                break;
            case ResolvedFilters.TypeDim:
                CountBits(row.Types, types);
                break;
            case ResolvedFilters.OrgDim:
                if (row.Org >= 0)
                {
                    orgs[row.Org]++;
                }

                break;
            default:
                break;
        }

        return false;
    }

    /// <summary>The counts so far, copied (kept by <see cref="BroadCounts"/>).</summary>
    public FacetTotals Copy()
    {
        var yearCounts = new List<(int Year, int Count)>();
        for (var y = 0; y < 10000; y++)
        {
            if (years[y] > 0)
            {
                yearCounts.Add((y, years[y]));
            }
        }

        return new FacetTotals([.. yearCounts], [.. themes], [.. types], [.. orgs]);
    }

    /// <summary>Adds counts copied by <see cref="Copy"/>.</summary>
    public void Add(FacetTotals totals)
    {
        foreach (var (year, count) in totals.Years)
        {
            years[year] += count;
        }

        AddTo(themes, totals.Themes);
        AddTo(types, totals.Types);
        AddTo(orgs, totals.Orgs);
    }

    /// <summary>Adds counts made over a set of passages (see <see cref="FacetTables"/>) to every dimension but <paramref name="skipDim"/> (−1: none).</summary>
    public void Add(FacetCounts counts, int[] yearOfSlot, int skipDim = -1)
    {
        for (var dim = ResolvedFilters.YearDim; dim <= ResolvedFilters.OrgDim; dim++)
        {
            if (dim != skipDim)
            {
                AddDimension(counts, yearOfSlot, dim);
            }
        }
    }

    /// <summary>Adds the counts of dimension <paramref name="dim"/> only.</summary>
    public void AddDimension(FacetCounts counts, int[] yearOfSlot, int dim)
    {
        switch (dim)
        {
            case ResolvedFilters.YearDim:
                for (var s = 0; s < counts.Years.Length; s++)
                {
                    years[yearOfSlot[s]] += counts.Years[s];
                }

                break;
            case ResolvedFilters.ThemeDim:
                AddTo(themes, counts.Themes);
                break;
            case ResolvedFilters.TypeDim:
                AddTo(types, counts.Types);
                break;
            case ResolvedFilters.OrgDim:
                AddTo(orgs, counts.Orgs);
                break;
            default:
                break;
        }
    }

    private static void AddTo(int[] target, int[] source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }

    public SearchFacets Result(QueryFilters selected)
    {
        var themeList = Labels(index.Themes, themes, selected.Themes);
        var typeList = Labels(index.DirectiveTypes, types, selected.DirectiveTypes);
        var yearList = new List<FacetValue>();
        for (var y = 1; y < 10000; y++)
        {
            if (years[y] > 0)
            {
                var value = YearValues[y] ??= y.ToString(CultureInfo.InvariantCulture);
                var label = YearLabels[y] ??= value + "年";
                yearList.Add(new FacetValue(value, label, years[y], IsSelected(selected.Years, y)));
            }
        }

        var withoutYear = years[0];
        ArrayPool<int>.Shared.Return(years);
        years = [];

        // The 单位 and 类别 facets from the source dimension: each value's count to its organisation and to its category.
        var organizations = new Dictionary<string, (int Count, bool Selected)>(StringComparer.Ordinal);
        var categories = new Dictionary<string, (int Count, bool Selected)>(StringComparer.Ordinal);
        for (var i = 0; i < orgs.Length; i++)
        {
            if (orgs[i] == 0)
            {
                continue;
            }

            var source = index.Sources[i];
            if (source.Organization is { } org)
            {
                var (count, _) = organizations.GetValueOrDefault(org);
                organizations[org] = (count + orgs[i], source.OrganizationSelected(selected));
            }

            if (source.Category is { } label)
            {
                var (count, was) = categories.GetValueOrDefault(label);
                categories[label] = (count + orgs[i], was || source.CategorySelected(selected));
            }
        }

        return new SearchFacets
        {
            Theme = themeList,
            Year = yearList,
            YearUnknown = withoutYear,
            DirectiveType = typeList,
            Organization = Ordered(organizations),
            Category = Ordered(categories),
        };

        static List<FacetValue> Ordered(Dictionary<string, (int Count, bool Selected)> values) =>
            values.OrderByDescending(x => x.Value.Count).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => new FacetValue(x.Key, x.Key, x.Value.Count, x.Value.Selected)).ToList();
    }

    private static bool IsSelected(IReadOnlyList<(int From, int To)> ranges, int year)
    {
        foreach (var (from, to) in ranges)
        {
            if (year >= from && year <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A pooled array of at least <paramref name="length"/> items, the first <paramref name="length"/> zero.</summary>
    internal static int[] RentCleared(int length)
    {
        var array = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }

    private static List<FacetValue> Labels(IReadOnlyList<LabelInfo> labels, int[] counts, IReadOnlyList<string> selected) =>
        labels.Take(32).Select((l, i) => new FacetValue(l.Id, l.Label, counts[i],
                selected.Any(s => string.Equals(s, l.Id, StringComparison.OrdinalIgnoreCase) || s == l.Label)))
            .Where(v => v.Count > 0 || v.Selected)
            .OrderByDescending(v => v.Count)
            .ToList();

    private static void CountBits(uint mask, int[] counts)
    {
        while (mask != 0)
        {
            counts[BitOperations.TrailingZeroCount(mask)]++;
            mask &= mask - 1;
        }
    }
}

/// <summary>A collector's counts in every dimension, copied: years (those counted), themes, types and sources.</summary>
internal sealed record FacetTotals((int Year, int Count)[] Years, int[] Themes, int[] Types, int[] Orgs);
