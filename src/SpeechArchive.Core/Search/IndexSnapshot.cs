using System.Globalization;
using System.Text.Json;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

/// <summary>
/// An immutable in-memory view of one committed index generation: speeches, passages as columns, per-passage arrays for
/// facets (as Lucene's doc values) and the postings (each term's decoded on first use); the speeches' texts are mapped
/// from a file beside the index (<see cref="SpeechTexts"/>). Searches run against a snapshot; a reindex loads a new one and swaps it in.
/// </summary>
public sealed partial class IndexSnapshot
{
    private IndexSnapshot() { }

    public long Generation { get; private init; }
    public IReadOnlyList<SpeechInfo> Speeches { get; private init; } = [];
    /// <summary>The passages, as columns (<see cref="PassageColumns"/>); <c>Passages[d]</c> reads passage <c>d</c>.</summary>
    public PassageColumns Passages { get; private init; } = null!; // set by Build
    public IReadOnlyList<LabelInfo> Themes { get; private init; } = [];
    public IReadOnlyList<LabelInfo> DirectiveTypes { get; private init; } = [];
    /// <summary>
    /// The values of the per-speech source dimension, by index: each a distinct pair of a speech's organisation (单位) and
    /// its category's label (类别, see <see cref="Documents.CategoryLabels"/>), either possibly absent. The 单位 and 类别
    /// facets are both counted from it (so an <c>org:</c> and a <c>category:</c> filter are ORed, as two values of one facet are).
    /// </summary>
    internal IReadOnlyList<SourceValue> Sources { get; private init; } = [];

    /// <summary>The organisations the archive names (for tests and tools), each once.</summary>
    public IReadOnlyList<string> Organizations => Sources.Select(s => s.Organization).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The labels of the categories the archive's speeches belong to (类别), each once.</summary>
    public IReadOnlyList<string> Categories => Sources.Select(s => s.Category).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether source <paramref name="value"/> passes the organisation and category filters of <paramref name="f"/>: its
    /// organisation contains a typed <c>org:</c> value, or its category's label or id equals a <c>category:</c> value.
    /// </summary>
    internal bool SourceMatches(int value, QueryFilters f) => Sources[value].OrganizationSelected(f) || Sources[value].CategorySelected(f);

    /// <summary>The label of a category given by its label or id (as <c>category=</c> may carry either); null when the archive has no such category.</summary>
    public string? CategoryLabel(string labelOrId)
    {
        var c = labelOrId.Trim();
        return Sources.FirstOrDefault(s => s.IsCategory(c))?.Category;
    }

    public string IndexDirectory { get; private init; } = "";

    /// <summary>The digest of the generation's speech rows (<c>GenerationFiles.Digest</c>), which names the files derived from them; null for a snapshot not loaded from an index.</summary>
    internal string? RowsDigest { get; private init; }
    public long SizeOnDisk { get; private init; }

    /// <summary>
    /// Builds what searches derive from the snapshot (packed rows, facet tables, title and heading postings, the query
    /// segmenter) now rather than in the first searches; the web app calls it after a snapshot loads, before the passages'
    /// vectors (<see cref="PrepareMeaning"/>). Returns the seconds taken.
    /// </summary>
    public double PrepareSearch()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PrepareSeconds = SearchStructures.Of(this).Prepare();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds spent per stage of <see cref="PrepareSearch"/> (empty before it ran), for profiling.</summary>
    public IReadOnlyDictionary<string, double> PrepareSeconds { get; private set; } = new Dictionary<string, double>();

    /// <summary>
    /// Builds what free-text ranking by meaning needs (each passage's vector) now rather than on the first free-text query; the
    /// web app calls it in the background after a snapshot loads. Returns the seconds taken (0 when already built or no
    /// vectors ship with the build).
    /// </summary>
    public double PrepareMeaning()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _ = SearchStructures.Of(this).PassageVectors;
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The word vectors that serve ranking by meaning, as the index names them: learned from the archive, or the base
    /// vectors (null when the build ships none and the archive learned none).
    /// </summary>
    /// <remarks>
    /// Read in the background after the load (waited for here when asked before it is done): free text and the topical order
    /// of strict matches need it (a search of a word by relevance waits for it after a load, as free text does).
    /// </remarks>
    public Indexing.MeaningModel? Meaning => meaning.GetAwaiter().GetResult().Model;

    private Task<MeaningRead> meaning = Task.FromResult(new MeaningRead(null, null));

    /// <summary>The meaning model and the passages' stored vectors as read for the snapshot; the vectors are handed over once.</summary>
    private sealed class MeaningRead(Indexing.MeaningModel? model, Indexing.StoredPassageVectors? passages)
    {
        public Indexing.MeaningModel? Model { get; } = model;
        public Indexing.StoredPassageVectors? Passages = passages;

        /// <summary>Whether <see cref="Passages"/> were kept only if they are the snapshot's passages (else that is checked when they are taken).</summary>
        public bool Checked { get; init; } = true;
    }

    /// <summary>The passages' vectors (and their cells) the index stored for this generation, handed over once (null after, or when there were none).</summary>
    internal Indexing.StoredPassageVectors? TakeStoredVectors()
    {
        var read = meaning.GetAwaiter().GetResult();
        var passages = Interlocked.Exchange(ref read.Passages, null);
        if (passages is null || read.Checked)
        {
            return passages;
        }

        var mine = passages.For(PassageRowIds.Span);
        PassageRowIds.KeepAlive();
        return mine;
    }

    /// <summary>Each passage's row id (the columns' own) where the stored vectors are read in the background: they are checked against it when taken.</summary>
    private Column<long> PassageRowIds { get; init; }

    /// <summary>Each passage's meaning as a vector: the stored ones, or built on first use (null without word vectors).</summary>
    public Semantics.PassageVectors? MeaningVectors => SearchStructures.Of(this).PassageVectors;
    public int TermCount => postings.Terms.Count;

    /// <summary>How many terms' postings have been decoded and are kept for the snapshot's life.</summary>
    internal int DecodedTermCount => postings.Decoded;

    /// <summary>Seconds spent per loading stage, for profiling and the benchmark.</summary>
    public IReadOnlyDictionary<string, double> LoadSeconds { get; private set; } = new Dictionary<string, double>();

    /// <summary>The words free-text queries are segmented with: the base lexicon and the archive's own words learned at index time.</summary>
    public Analysis.Lexicon Lexicon { get; private init; } = Analysis.Lexicon.Base;

    /// <summary>The stored taxonomy (YAML) the labels were made with, for re-computing reasons.</summary>
    public string? TaxonomyYaml { get; private init; }

    /// <summary>Each passage's speech: the passages' own column.</summary>
    internal Column<int> PassageSpeech => Passages.Speech;

    /// <summary>Each passage's innermost section (a global section id, or -1): the passages' own column.</summary>
    internal Column<int> PassageSection => Passages.Section;
    internal int[] PassageDate { get; private init; } = [];
    internal int SectionCount => sectionMatches.Length;
    internal short[] PassageYear { get; private init; } = [];
    internal uint[] PassageThemes { get; private init; } = [];
    internal uint[] PassageTypes { get; private init; } = [];
    internal int[] PassageOrg { get; private init; } = [];
    internal Column<int> PassageLength { get; private init; }
    internal double AverageLength { get; private init; }

    /// <summary>Whether the passages' columns were read from the generation's columns file (else made from the passage rows).</summary>
    internal bool ColumnsFromFile { get; private init; }

    /// <summary>Whether the term dictionary was mapped from the generation's dictionary file (<see cref="TermDictionaryFile"/>), not made from the term lists.</summary>
    internal bool DictionaryFromFile { get; private init; }

    /// <summary>Whether the speech and section rows were read from the generation's speech rows file (<see cref="SpeechRowFile"/>).</summary>
    internal bool SpeechesFromFile { get; private init; }

    private PostingsIndex postings = null!; // set by Build before the snapshot is handed out
    private Dictionary<string, int> speechById = new(StringComparer.Ordinal);
    private string[] sectionMatches = [];
    private Dictionary<char, int[]>? hanExpansions;
    private readonly object expansionLock = new();

    /// <summary>Loads the committed state of the index in <paramref name="indexDirectory"/>.</summary>
    public static IndexSnapshot Load(string indexDirectory)
    {
        using var store = IndexStore.Open(indexDirectory, create: false);
        return Load(store);
    }

    /// <summary>Whether <paramref name="indexDirectory"/> holds an index database (it may still be of another schema version).</summary>
    public static bool Exists(string indexDirectory) => IndexStore.Exists(indexDirectory);

    /// <summary>
    /// Closes what snapshots no longer reachable still map (the speeches' texts of a replaced generation, whose file a later
    /// load deleted: its disk space comes back only then). Every load does it too; a host calls it a while after a swap.
    /// </summary>
    public static void ReleaseUnreachable() => SpeechTexts.Sweep();

    internal static IndexSnapshot Load(IndexStore store)
    {
        // Read transactions (WAL: they see one commit and never wait for a writer) on two connections, so the passages are
        // read while the speeches are; both must see the same commit, or the second starts again. Once Build has the second
        // connection, it closes it (after reading the meaning model on it in the background).
        var second = IndexStore.Open(store.Directory, create: false);
        var handedOver = false;
        store.BeginRead();
        try
        {
            var generation = store.Generation; // the first read fixes this transaction's view
            for (var attempt = 0; ; attempt++)
            {
                second.BeginRead();
                if (second.Generation == generation)
                {
                    handedOver = true;
                    return Build(store, second);
                }

                second.Rollback();
                if (attempt >= 3)
                {
                    return Build(store, store); // a writer keeps committing: read everything on the first connection
                }
            }
        }
        finally
        {
            store.Rollback();
            if (!handedOver)
            {
                second.Dispose();
            }
        }
    }

    public SpeechInfo? FindSpeech(string id) => speechById.TryGetValue(id, out var i) ? Speeches[i] : null;

    /// <summary>The passage with public id <paramref name="id"/> (<c>speechId:number</c>, as <see cref="PassageInfo.Id"/> makes it), or null.</summary>
    public int? FindPassage(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var colon = id.LastIndexOf(':');
        var number = id.AsSpan(colon + 1);
        if (colon < 0 || number.IsEmpty || number[0] == '0'
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            || !speechById.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id.AsSpan(0, colon), out var speech))
        {
            return null;
        }

        // A speech's passages are in ordinal order, numbered from 0 as the indexer writes them; the search covers any other.
        var list = Speeches[speech].Passages;
        ordinal--;
        if (ordinal < list.Count && Passages.Ordinal[list[ordinal]] == ordinal)
        {
            return list[ordinal];
        }

        foreach (var d in list)
        {
            if (Passages.Ordinal[d] == ordinal)
            {
                return d;
            }
        }

        return null;
    }

    internal string SectionMatch(int section) => sectionMatches[section];

    public string LabelOfTheme(string id) => Themes.FirstOrDefault(t => t.Id == id)?.Label ?? id;

    public string LabelOfDirectiveType(string id) => DirectiveTypes.FirstOrDefault(t => t.Id == id)?.Label ?? id;

    /// <summary>The original text of passage <paramref name="passage"/>.</summary>
    public string PassageText(int passage)
    {
        var p = Passages[passage];
        return p.SourceText[p.Start..p.End].ToString();
    }

    internal (int[] Docs, byte[] Tfs)? Postings(long key) =>
        postings.Terms.Find(key) is >= 0 and var id ? postings.Get(id) : null;

    /// <summary>How many passages hold term <paramref name="key"/> by the term dictionary (no postings decoded; see <c>PostingsIndex.DocFrequency</c>).</summary>
    internal int DocFrequency(long key) => postings.Terms.Find(key) is >= 0 and var id ? postings.DocFrequency(id) : 0;

    /// <summary>The id of Latin or digit word <paramref name="word"/> in the term dictionary (its term's key is <see cref="TermKey.Word"/> of it), or null.</summary>
    internal int? WordId(string word) => postings.Terms.WordRank(word);

    /// <summary>Term ids of every Han term containing <paramref name="c"/> (its unigram and the bigrams either side).</summary>
    internal int[] HanTermsContaining(char c)
    {
        lock (expansionLock)
        {
            if (hanExpansions is null)
            {
                var map = new Dictionary<char, List<int>>();
                var terms = postings.Terms;
                for (var id = 0; id < terms.Count; id++)
                {
                    var key = terms.Key(id);
                    if (TermKey.IsWord(key))
                    {
                        continue;
                    }

                    var first = (char)(key >> 16);
                    var second = (char)(key & 0xFFFF);
                    Add(map, first, id);
                    if (second != 0 && second != first)
                    {
                        Add(map, second, id);
                    }
                }

                hanExpansions = map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
            }

            return hanExpansions.TryGetValue(c, out var ids) ? ids : [];
        }

        static void Add(Dictionary<char, List<int>> map, char c, int id)
        {
            if (!map.TryGetValue(c, out var list))
            {
                list = [];
                map[c] = list;
            }

            list.Add(id);
        }
    }

    internal (int[] Docs, byte[] Tfs) PostingsById(int termId) => postings.Get(termId);

    internal static IReadOnlyList<LabelInfo> ParseLabels(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, LabelJson.Default.ListLabelInfo) ?? [];
}
