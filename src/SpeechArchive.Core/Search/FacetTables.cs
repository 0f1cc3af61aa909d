using System.Numerics;
using System.Runtime.CompilerServices;

namespace SpeechArchive.Search;

/// <summary>
/// Facet tables of a snapshot for browsing without words: for every value of every dimension (a year, a theme, a directive
/// type, an organisation) its passages newest first, and the counts of the other dimensions over them; plus the counts over
/// every passage. Selecting one value of one dimension is then answered from the tables without touching the passages: its
/// dimension counts as over everything (drill-sideways), the others as over its passages, and the top of its list is the
/// first page (no words: every score is 0, so relevance order is date order).
/// </summary>
internal sealed class FacetTables
{
    public const int YearDim = ResolvedFilters.YearDim, ThemeDim = ResolvedFilters.ThemeDim, TypeDim = ResolvedFilters.TypeDim, OrgDim = ResolvedFilters.OrgDim;

    private FacetTables(int[] years, int[] yearSlot, FacetCounts all, int[] allDocs, FacetValueTable[][] byDim, bool yearsInRange)
    {
        YearsInRange = yearsInRange;
        Years = years;
        YearSlot = yearSlot;
        All = all;
        AllDocs = allDocs;
        ByDim = byDim;
    }

    /// <summary>The distinct years of the passages, ascending; counts by year are by slot in this list.</summary>
    public int[] Years { get; }

    /// <summary>Slot in <see cref="Years"/> of a year in 0–9999, or −1.</summary>
    public int[] YearSlot { get; }

    /// <summary>Every passage's year is in 0–9999, so the year lists hold every passage (else year filters take the full pass).</summary>
    public bool YearsInRange { get; }

    /// <summary>Counts over every passage.</summary>
    public FacetCounts All { get; }

    /// <summary>Every passage, newest first (ties: ascending id).</summary>
    public int[] AllDocs { get; }

    /// <summary>By dimension (<see cref="YearDim"/>: by year slot; themes and types: by bit; organisations: by index), each value's table.</summary>
    public FacetValueTable[][] ByDim { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per snapshot: compiled optimised from the start
    public static FacetTables Build(IndexSnapshot index)
    {
        var n = index.Passages.Count;
        var yearSlot = new int[10000];
        Array.Fill(yearSlot, -1);
        var present = new bool[10000];
        var yearsInRange = true;
        for (var d = 0; d < n; d++)
        {
            var y = index.PassageYear[d];
            if (y is >= 0 and < 10000)
            {
                present[y] = true;
            }
            else
            {
                yearsInRange = false;
            }
        }

        var years = Enumerable.Range(0, 10000).Where(y => present[y]).ToArray();
        for (var i = 0; i < years.Length; i++)
        {
            yearSlot[years[i]] = i;
        }

        var order = NewestFirst(index);
        var orgCount = index.Sources.Count;
        var sizes = new[] { years.Length, 32, 32, orgCount };
        var lists = sizes.Select(size => Enumerable.Range(0, size).Select(_ => new List<int>()).ToArray()).ToArray();
        var counts = sizes.Select(size => Enumerable.Range(0, size).Select(_ => new FacetCounts(years.Length, orgCount)).ToArray()).ToArray();
        var speechSeen = sizes.Select(size => Enumerable.Range(0, size).Select(_ => new HashSet<int>()).ToArray()).ToArray();
        var all = new FacetCounts(years.Length, orgCount);
        var allSpeeches = new HashSet<int>();
        Span<int> values = stackalloc int[70];
        Span<int> dims = stackalloc int[70];
        foreach (var d in order)
        {
            var count = 0;
            var y = index.PassageYear[d];
            if (y is >= 0 and < 10000)
            {
                (dims[count], values[count++]) = (YearDim, yearSlot[y]);
            }

            for (var m = index.PassageThemes[d]; m != 0; m &= m - 1)
            {
                (dims[count], values[count++]) = (ThemeDim, BitOperations.TrailingZeroCount(m));
            }

            for (var m = index.PassageTypes[d]; m != 0; m &= m - 1)
            {
                (dims[count], values[count++]) = (TypeDim, BitOperations.TrailingZeroCount(m));
            }

            if (index.PassageOrg[d] >= 0)
            {
                (dims[count], values[count++]) = (OrgDim, index.PassageOrg[d]);
            }

            all.Add(index, yearSlot, d);
            allSpeeches.Add(index.PassageSpeech[d]);
            for (var i = 0; i < count; i++)
            {
                var (dim, v) = (dims[i], values[i]);
                lists[dim][v].Add(d);
                counts[dim][v].Add(index, yearSlot, d);
                speechSeen[dim][v].Add(index.PassageSpeech[d]);
            }
        }

        all.Speeches = allSpeeches.Count;
        var byDim = new FacetValueTable[4][];
        for (var dim = 0; dim < 4; dim++)
        {
            byDim[dim] = new FacetValueTable[sizes[dim]];
            for (var v = 0; v < sizes[dim]; v++)
            {
                counts[dim][v].Speeches = speechSeen[dim][v].Count;
                byDim[dim][v] = new FacetValueTable([.. lists[dim][v]], counts[dim][v]);
            }
        }

        return new FacetTables(years, yearSlot, all, order, byDim, yearsInRange);
    }

    /// <summary>Passage ids by date descending, then id ascending — the order of <see cref="TopK"/> when every score is equal.</summary>
    private static int[] NewestFirst(IndexSnapshot index)
    {
        var n = index.Passages.Count;
        var docs = new int[n];
        var keys = new long[n];
        for (var d = 0; d < n; d++)
        {
            docs[d] = d;
            keys[d] = (-(long)index.PassageDate[d] << 32) | (uint)d;
        }

        Array.Sort(keys, docs);
        return docs;
    }
}

/// <summary>One facet value's passages (newest first) and the counts over them.</summary>
internal sealed record FacetValueTable(int[] Docs, FacetCounts Counts);

/// <summary>Facet counts over a set of passages: by year slot, theme bit, type bit and organisation; with the passages and speeches counted.</summary>
internal sealed class FacetCounts(int yearSlots, int orgs)
{
    public int[] Years { get; } = new int[yearSlots];
    public int[] Themes { get; } = new int[32];
    public int[] Types { get; } = new int[32];
    public int[] Orgs { get; } = new int[orgs];
    public int Passages { get; private set; }
    public int Speeches { get; set; }

    public void Add(IndexSnapshot index, int[] yearSlot, int doc)
    {
        Passages++;
        var y = index.PassageYear[doc];
        if (y is > 0 and < 10000)
        {
            Years[yearSlot[y]]++;
        }

        for (var m = index.PassageThemes[doc]; m != 0; m &= m - 1)
        {
            Themes[BitOperations.TrailingZeroCount(m)]++;
        }

        for (var m = index.PassageTypes[doc]; m != 0; m &= m - 1)
        {
            Types[BitOperations.TrailingZeroCount(m)]++;
        }

        if (index.PassageOrg[doc] >= 0)
        {
            Orgs[index.PassageOrg[doc]]++;
        }
    }
}
