using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpeechArchive.Search;

/// <summary>
/// What the query path derives from a loaded snapshot, built lazily on first use and kept for the snapshot's life (the
/// snapshot's own loading is untouched): BM25 length norms per passage, facet tables for browsing (<see cref="FacetTables"/>)
/// and char-pair postings over speech titles and section headings (<see cref="FieldPostings"/>), which give the title and
/// heading boosts without a substring check per speech and section.
/// </summary>
internal sealed class SearchStructures
{
    private static readonly ConditionalWeakTable<IndexSnapshot, SearchStructures> Table = [];

    private readonly Lazy<PassageRows> rows;
    private readonly Lazy<FacetTables> facets;
    private readonly Lazy<FieldPostings> titles;
    private readonly Lazy<FieldPostings> headings;
    private readonly Lazy<(FieldPostings Texts, (int Speech, int Section)[] Ids)> headingTexts;
    private readonly Lazy<HeadingHits> headingHits;
    private readonly Lazy<Analysis.Segmenter> segmenter;
    private readonly Lazy<Reprints> reprints;
    private readonly IndexSnapshot index;
    private readonly object vectorsLock = new();
    private Semantics.PassageVectors? passageVectors;
    private volatile bool vectorsBuilt;

    private SearchStructures(IndexSnapshot index)
    {
        rows = new(() => BuildRows(index));
        facets = new(() => FacetTables.Build(index));
        titles = new(() => FieldPostings.Build(index.Speeches.Select(s => s.TitleMatch).ToArray()));
        headings = new(() => FieldPostings.Build(Enumerable.Range(0, index.SectionCount).Select(index.SectionMatch).ToArray()));
        headingTexts = new(() => HeadingTexts(index));
        headingHits = new(() => HeadingHits.Build(index, HeadingTexts, () => Titles));
        segmenter = new(() => new Analysis.Segmenter(index.Lexicon));
        reprints = new(() => Reprints.Load(index));
        this.index = index;
    }

    /// <summary>The structures of <paramref name="index"/>, made on first request (thread-safe).</summary>
    public static SearchStructures Of(IndexSnapshot index) => Table.GetValue(index, i => new SearchStructures(i));

    /// <summary>
    /// Builds what searches read (all but the passages' vectors) now rather than inside the first searches; a search that
    /// arrives meanwhile waits only for the part it needs. What every search for words waits for comes first, over the
    /// cores (packed rows, the segmenter), then the reprints every search folds; then, on one core, so that searches keep the other: the heading and title
    /// postings, which a search does not wait for (it checks every heading or title meanwhile, <see cref="FieldPostings"/>:
    /// once they are joined, in one pass; the headings first, theirs is the long list), the facet tables (browsing without
    /// words) and the heading hits (phrases of four characters or more).
    /// </summary>
    /// <returns>The seconds each stage took, in order.</returns>
    public IReadOnlyDictionary<string, double> Prepare()
    {
        var stages = new Dictionary<string, double>();
        var lap = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages[stage] = Math.Round(lap.Elapsed.TotalSeconds, 3);
            lap.Restart();
        }

        Headings.WillPrepare(); // below, on this thread: the first searches start no second build of them beside it
        Titles.WillPrepare();
        Parallel.Invoke(
            () => _ = PassageRows,
            () => _ = Segmenter);
        Lap("packed rows and segmenter");
        _ = Reprints;
        Lap("reprints");

        // On one core: searches keep the other.
        Headings.Join();
        Titles.Join();
        Lap("headings and titles joined");
        Headings.Prepare();
        Titles.Prepare();
        Lap("heading and title postings");
        _ = Facets;
        Lap("facet tables");
        HeadingHits.Prepare();
        HeadingTexts().Texts.Prepare();
        Lap("heading hits");
        return stages;
    }

    /// <summary>Per passage, what scoring and counting read, in one row (one cache line) instead of seven arrays.</summary>
    public PassageRow[] Rows => rows.Value.Rows;

    public PassageRows PassageRows => rows.Value;

    public FacetTables Facets => facets.Value;

    /// <summary>Broad words' totals and facet counts, kept for the snapshot's life (bounded).</summary>
    public BroadCounts BroadCounts { get; } = new();

    /// <summary>Words of several terms matched in the passages' text, kept for the snapshot's life (bounded).</summary>
    public PhraseMatches PhraseMatches { get; } = new();

    /// <summary>Speech titles (match form), by speech index.</summary>
    public FieldPostings Titles => titles.Value;

    /// <summary>Section heading paths (match form), by section index.</summary>
    public FieldPostings Headings => headings.Value;

    /// <summary>
    /// Every section heading's own text (match form), in speech order then section order, with its (speech, index in
    /// <see cref="SpeechInfo.Sections"/>): which headings hold a phrase, for the concordance.
    /// </summary>
    public (FieldPostings Texts, (int Speech, int Section)[] Ids) HeadingTexts() => headingTexts.Value;

    /// <summary>Segments free-text queries with the index's lexicon (the base lexicon and the archive's own words).</summary>
    public Analysis.Segmenter Segmenter => segmenter.Value;

    /// <summary>
    /// Each passage's meaning as a vector (null when there are no word vectors): the index's stored ones laid out for search,
    /// or, for an index whose vector stage has not run, every passage embedded now. Built once, by one caller while the
    /// others wait (the load's background build and the first free-text queries race for it); a build that throws is tried
    /// again by the next caller rather than its exception kept for good.
    /// </summary>
    public Semantics.PassageVectors? PassageVectors
    {
        get
        {
            if (!vectorsBuilt)
            {
                lock (vectorsLock)
                {
                    if (!vectorsBuilt)
                    {
                        passageVectors = BuildPassageVectors();
                        vectorsBuilt = true;
                    }
                }
            }

            return passageVectors;
        }
    }

    private Semantics.PassageVectors? BuildPassageVectors() =>
        index.Meaning?.Words is not { } words ? null
        : index.TakeStoredVectors() is { } stored ? Indexing.ArchiveVectors.Serve(stored, words, Segmenter.Lexicon)
        : Semantics.PassageVectors.Build([.. Enumerable.Range(0, index.Passages.Count).Select(index.PassageText)], words, Segmenter);

    /// <summary>Passages whose text is printed more than once, which a search shows once (<see cref="Search.Reprints.Fold"/>).</summary>
    public Reprints Reprints => reprints.Value;

    /// <summary>The reprints when they have been made (a search that folds makes them; the web app, while preparing a snapshot), else null.</summary>
    public Reprints? ReprintsIfMade => reprints.IsValueCreated ? reprints.Value : null;

    /// <summary>Headings and titles as hits of their own: the first passage under a heading or title that holds a phrase.</summary>
    public HeadingHits HeadingHits => headingHits.Value;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per snapshot: compiled optimised from the start
    private static (FieldPostings, (int Speech, int Section)[]) HeadingTexts(IndexSnapshot index)
    {
        var count = 0;
        foreach (var speech in index.Speeches)
        {
            foreach (var section in speech.Sections)
            {
                count += section.HeadingEnd > section.HeadingStart ? 1 : 0;
            }
        }

        var ids = new (int Speech, int Section)[count];
        var h = 0;
        for (var s = 0; s < index.Speeches.Count; s++)
        {
            var sections = index.Speeches[s].Sections;
            for (var k = 0; k < sections.Count; k++)
            {
                if (sections[k].HeadingEnd > sections[k].HeadingStart)
                {
                    ids[h++] = (s, k);
                }
            }
        }

        // The texts written into one string: a string per heading would be copied by the collections of the first searches.
        SectionInfo Section(int i) => index.Speeches[ids[i].Speech].Sections[ids[i].Section];
        var texts = FieldPostings.Written(
            count,
            i => Section(i).HeadingEnd - Section(i).HeadingStart,
            (i, destination) => Analysis.MatchText.Write(index.Speeches[ids[i].Speech].TextSpan, Section(i).HeadingStart, Section(i).HeadingEnd, destination));
        return (texts, ids);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per snapshot: compiled optimised from the start
    private static PassageRows BuildRows(IndexSnapshot index)
    {
        var lengths = index.PassageLength;
        var avg = index.AverageLength;
        var rows = new PassageRow[lengths.Length];
        var labelSets = new Dictionary<ulong, int>();
        var speechYear = new int[index.Speeches.Count];
        var speechOrg = new int[index.Speeches.Count];
        var seen = new bool[index.Speeches.Count];
        var perSpeech = true;

        // One pass numbers the distinct (themes, types) pairs in the order of their first passage and checks that years and
        // organisations are per speech; a passage's pair follows from its label set, so each set is looked up once.
        var labelOfSet = new int[index.Passages.LabelSets.Length];
        Array.Fill(labelOfSet, -1);
        var labelSet = index.Passages.LabelSet.Span;
        var passageSpeech = index.PassageSpeech.Span;
        for (var d = 0; d < rows.Length; d++)
        {
            if (labelOfSet[labelSet[d]] < 0)
            {
                var key = ((ulong)index.PassageTypes[d] << 32) | index.PassageThemes[d];
                if (!labelSets.TryGetValue(key, out var labels))
                {
                    labels = labelSets.Count;
                    labelSets[key] = labels;
                }

                labelOfSet[labelSet[d]] = labels;
            }

            var (speech, year, org) = (passageSpeech[d], index.PassageYear[d], index.PassageOrg[d]);
            if (!seen[speech])
            {
                (seen[speech], speechYear[speech], speechOrg[speech]) = (true, year, org);
            }
            else if (speechYear[speech] != year || speechOrg[speech] != org)
            {
                perSpeech = false;
            }
        }

        index.Passages.LabelSet.KeepAlive();
        index.PassageSpeech.KeepAlive();

        // The rows themselves, over the cores.
        Parallel.ForEach(IndexSnapshot.Ranges(rows.Length), range =>
        {
            ReadOnlySpan<int> length = lengths.Span, speech = index.PassageSpeech.Span, section = index.PassageSection.Span, set = index.Passages.LabelSet.Span;
            for (var d = range.Item1; d < range.Item2; d++)
            {
                rows[d] = new PassageRow
                {
                    Norm = Bm25.K1 * (1 - Bm25.B + (Bm25.B * length[d] / avg)),
                    Speech = speech[d],
                    Section = section[d],
                    Date = index.PassageDate[d],
                    Year = index.PassageYear[d],
                    Org = index.PassageOrg[d],
                    Themes = index.PassageThemes[d],
                    Types = index.PassageTypes[d],
                    Labels = labelOfSet[set[d]],
                };
            }

            lengths.KeepAlive();
            index.PassageSpeech.KeepAlive();
            index.PassageSection.KeepAlive();
            index.Passages.LabelSet.KeepAlive();
        });

        var labelThemes = new uint[labelSets.Count];
        var labelTypes = new uint[labelSets.Count];
        foreach (var (key, id) in labelSets)
        {
            (labelThemes[id], labelTypes[id]) = ((uint)key, (uint)(key >> 32));
        }

        ushort[]? labelColumn = null;
        if (labelSets.Count <= ushort.MaxValue + 1)
        {
            labelColumn = new ushort[rows.Length];
            for (var d = 0; d < rows.Length; d++)
            {
                labelColumn[d] = (ushort)rows[d].Labels;
            }
        }

        return new PassageRows(rows, labelThemes, labelTypes, perSpeech ? speechYear : null, perSpeech ? speechOrg : null, labelColumn);
    }
}

/// <summary>
/// The packed rows, and what lets a pass over many passages count facets with two increments per passage: the distinct
/// (themes, types) label sets, and — as every passage has its speech's year and organisation — years and organisations
/// per speech (null if some passage differs from its speech). <paramref name="LabelColumn"/> is each passage's label set
/// alone, two bytes a passage (null beyond 65,536 sets): a pass that only counts reads it and the passages' speeches, a
/// twentieth of the rows' bytes.
/// </summary>
internal sealed record PassageRows(PassageRow[] Rows, uint[] LabelThemes, uint[] LabelTypes, int[]? SpeechYear, int[]? SpeechOrg, ushort[]? LabelColumn);

/// <summary>One passage's doc values for the query path, packed.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PassageRow
{
    /// <summary>BM25's length normalisation k1·(1 − b + b·length/average), as <see cref="Bm25"/> computed it per hit.</summary>
    public double Norm;
    public int Speech;
    public int Section;
    public int Date;
    public int Year;
    public int Org;
    public uint Themes;
    public uint Types;
    /// <summary>Index of the passage's (themes, types) pair in <see cref="PassageRows.LabelThemes"/> and <see cref="PassageRows.LabelTypes"/>.</summary>
    public int Labels;
}
