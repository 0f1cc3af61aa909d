using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>
    /// Makes the tables in three passes that allocate little beyond the tables themselves (the first searches run beside the
    /// build, and pay for its garbage in collections): one counts each value's passages and marks its speeches, one fills each
    /// value's list newest first into an array of its final size, and the counts are added per group of passages alike in
    /// what they read (themes, types, year, organisation), not per passage.
    /// </summary>
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

        var orgCount = index.Sources.Count;
        var sizes = new[] { years.Length, 32, 32, orgCount };
        var speechCount = index.Speeches.Count;
        var sizeOf = sizes.Select(size => new int[size]).ToArray();
        var speechesOf = sizes.Select(size => Enumerable.Range(0, size).Select(_ => new ulong[(speechCount + 63) / 64]).ToArray()).ToArray();
        var allSpeeches = new ulong[(speechCount + 63) / 64];
        var groups = new Dictionary<(uint Themes, uint Types, short Year, int Org), int>();
        Span<int> values = stackalloc int[70];
        Span<int> dims = stackalloc int[70];
        for (var d = 0; d < n; d++)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (index.PassageThemes[d], index.PassageTypes[d], index.PassageYear[d], index.PassageOrg[d]), out _);
            group++;
            var speech = index.PassageSpeech[d];
            Mark(allSpeeches, speech);
            for (var i = ValuesOf(index, yearSlot, d, dims, values) - 1; i >= 0; i--)
            {
                sizeOf[dims[i]][values[i]]++;
                Mark(speechesOf[dims[i]][values[i]], speech);
            }
        }

        var lists = sizes.Select((size, dim) => Enumerable.Range(0, size).Select(v => new int[sizeOf[dim][v]]).ToArray()).ToArray();
        var filled = sizes.Select(size => new int[size]).ToArray();
        var order = NewestFirst(index);
        foreach (var d in order)
        {
            for (var i = ValuesOf(index, yearSlot, d, dims, values) - 1; i >= 0; i--)
            {
                var (dim, v) = (dims[i], values[i]);
                lists[dim][v][filled[dim][v]++] = d;
            }
        }

        var counts = sizes.Select(size => Enumerable.Range(0, size).Select(_ => new FacetCounts(years.Length, orgCount)).ToArray()).ToArray();
        var all = new FacetCounts(years.Length, orgCount);
        foreach (var ((themes, types, year, org), passages) in groups)
        {
            all.Add(themes, types, year, org, passages, yearSlot);
            var count = Values(themes, types, year, org, yearSlot, dims, values);
            for (var i = 0; i < count; i++)
            {
                counts[dims[i]][values[i]].Add(themes, types, year, org, passages, yearSlot);
            }
        }

        all.Speeches = Marked(allSpeeches);
        var byDim = new FacetValueTable[4][];
        for (var dim = 0; dim < 4; dim++)
        {
            byDim[dim] = new FacetValueTable[sizes[dim]];
            for (var v = 0; v < sizes[dim]; v++)
            {
                counts[dim][v].Speeches = Marked(speechesOf[dim][v]);
                byDim[dim][v] = new FacetValueTable(lists[dim][v], counts[dim][v]);
            }
        }

        return new FacetTables(years, yearSlot, all, order, byDim, yearsInRange);
    }

    /// <summary>Writes passage <paramref name="d"/>'s facet values (dimension and value) and returns how many.</summary>
    private static int ValuesOf(IndexSnapshot index, int[] yearSlot, int d, Span<int> dims, Span<int> values) =>
        Values(index.PassageThemes[d], index.PassageTypes[d], index.PassageYear[d], index.PassageOrg[d], yearSlot, dims, values);

    private static int Values(uint themes, uint types, short year, int org, int[] yearSlot, Span<int> dims, Span<int> values)
    {
        var count = 0;
        if (year is >= 0 and < 10000)
        {
            (dims[count], values[count++]) = (YearDim, yearSlot[year]);
        }

        for (var m = themes; m != 0; m &= m - 1)
        {
            (dims[count], values[count++]) = (ThemeDim, BitOperations.TrailingZeroCount(m));
        }

        for (var m = types; m != 0; m &= m - 1)
        {
            (dims[count], values[count++]) = (TypeDim, BitOperations.TrailingZeroCount(m));
        }

        if (org >= 0)
        {
            (dims[count], values[count++]) = (OrgDim, org);
        }

        return count;
    }

    private static void Mark(ulong[] bits, int i) => bits[i >> 6] |= 1UL << i;

    private static int Marked(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
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

    /// <summary>Counts <paramref name="passages"/> passages of these themes, types, year and organisation.</summary>
    public void Add(uint themes, uint types, short year, int org, int passages, int[] yearSlot)
    {
        Passages += passages;
        if (year is >= 0 and < 10000)
        {
            Years[yearSlot[year]] += passages; // year 0: no year (SearchFacets.YearUnknown)
        }

        for (var m = themes; m != 0; m &= m - 1)
        {
            Themes[BitOperations.TrailingZeroCount(m)] += passages;
        }

        for (var m = types; m != 0; m &= m - 1)
        {
            Types[BitOperations.TrailingZeroCount(m)] += passages;
        }

        if (org >= 0)
        {
            Orgs[org] += passages;
        }
    }
}
