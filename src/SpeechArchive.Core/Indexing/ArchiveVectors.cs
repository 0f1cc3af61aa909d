using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Semantics;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>
/// Which word vectors serve ranking by meaning, and the passages' vectors made with them, stored with the index (the
/// <c>vectors</c> table) after the lexical commit, so that search works meanwhile and a load need not embed every passage.
/// An archive of <see cref="IndexOptions.VectorTrainingFrom"/> characters or more learns its own model
/// (<see cref="VectorTrainer"/>); a smaller one is served by the base vectors that ship with the engine (learned from the
/// shared public sets: 1.7 M characters of speeches alone gave vectors that ranked worse than the base, docs/relevance.md),
/// extended with the archive's own words they do not know (<see cref="VectorTrainer.Extend"/>; model
/// <see cref="ExtendedModel"/>).
/// The model is learned again only when the archive's size changed by <see cref="RelearnShare"/> since, or on a rebuild;
/// otherwise a run embeds only the passages that are new, and the model generation stays.
/// </summary>
public static class ArchiveVectors
{
    /// <summary>From this many characters on, the archive learns its own word vectors (4,000+ speeches of this genre).</summary>
    public const long TrainFrom = 8_000_000;

    /// <summary>The share of the archive's characters that must have changed since the model was learned to learn it again.</summary>
    public const double RelearnShare = 0.10;

    /// <summary>From this many passages on, their vectors are cut into cells (<see cref="VectorCells"/>), made and stored here.</summary>
    public const int CellsFrom = VectorCells.MinimumRows;

    /// <summary>
    /// The share of the passages that may be added or removed since the cells were made before they are made again (until
    /// then a new passage is put in the cell whose centroid is nearest it).
    /// </summary>
    public const double RemakeCellsShare = 0.10;

    /// <summary>The most characters the model is learned from: a larger archive is learned from every k-th speech (deterministic).</summary>
    public const long LearningBudget = 30_000_000;

    /// <summary>The <c>vector_model</c> of an index served by the base vectors.</summary>
    public const string BaseModel = "base";

    /// <summary>The <c>vector_model</c> of an index served by the base vectors extended with its own words (read from their contexts).</summary>
    public const string ExtendedModel = "extended";

    /// <summary>The <c>vector_model</c> of an index served by vectors learned from its own text.</summary>
    public const string ArchiveModel = "archive";

    /// <summary>A learned model needs at least this many words with vectors, else the base serves.</summary>
    private const int MinimumWords = 1000;

    internal const string WordsRow = "words";
    internal const string PassagesRow = "passages";
    internal const string CellsRow = "cells";

    /// <summary>
    /// Brings the stored model and passage vectors in line with the committed index, in a transaction of its own. Returns what
    /// it did; does nothing (null) when the build ships no base vectors and the archive is too small to learn its own.
    /// </summary>
    internal static VectorRefresh? Refresh(IndexStore store, bool rebuild, long trainFrom, int cellsFrom, CancellationToken cancellation)
    {
        store.BeginTransaction();
        try
        {
            var characters = store.CountCharacters();
            var learnedLexicon = store.GetMeta(MetaKey.Lexicon);
            var edits = store.GetMeta(MetaKey.LexiconEdits);
            var segmenter = new Segmenter(ArchiveLexicon.Compose(learnedLexicon, edits));
            var lexiconKey = Fingerprint(learnedLexicon + "\u0001" + edits);

            var wantArchive = characters > 0 && characters >= trainFrom;
            var model = store.GetMeta(MetaKey.VectorModel);
            var learnedAt = MetaNumber(store, MetaKey.VectorCharacters) ?? -1;
            var storedWords = model is ArchiveModel or ExtendedModel ? store.GetVectors(WordsRow) : null;
            var due = rebuild || model is null || (model == ArchiveModel) != wantArchive
                || (model != BaseModel && storedWords is null) || Math.Abs(characters - learnedAt) >= RelearnShare * Math.Max(1, learnedAt);

            WordVectors? words;
            var generation = MetaNumber(store, MetaKey.VectorGeneration) ?? 0;
            var learnSeconds = 0.0;
            var rounds = 0;
            var residual = 0.0;
            // Every speech's text only when the model is learned again or every passage is embedded; else the texts of the
            // speeches whose passages are new (a reindex that adds a file reads that file's text, not the archive's).
            List<(long Id, string Text)>? speeches = null;
            List<(long Id, string Text)> AllTexts() => speeches ??= store.ReadTextsById();
            CutTexts? cut = null; // every speech cut into words once, when the model is learned from them: the passages are embedded from the same cut
            if (due)
            {
                var speechesToLearn = AllTexts();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                words = null;
                if (wantArchive)
                {
                    var stride = (int)Math.Max(1, (characters + LearningBudget - 1) / LearningBudget);
                    var sample = Enumerable.Range(0, speechesToLearn.Count).Where(i => i % stride == 0).ToList();
                    var training = new VectorTrainingOptions();
                    cut = CutTexts.Of([.. speechesToLearn.Select(s => s.Text)], segmenter);
                    // Started from the base vectors, when the build ships them: the genre's words co-occur alike in any archive of
                    // it, so the eigendecomposition begins near its solution and takes fewer rounds to reach the same tolerance.
                    (var trained, rounds, residual) = VectorTrainer.Learn(cut, sample, training,
                        string.Create(CultureInfo.InvariantCulture, $"learned from this archive at index time: {sample.Count:N0} of {speechesToLearn.Count:N0} speeches, {characters:N0} characters, {DateTime.UtcNow:yyyy-MM-dd}"),
                        start: WordVectors.Base);
                    if (trained.Count >= MinimumWords && trained.Dimensions == training.Dimensions)
                    {
                        words = trained;
                        store.SetVectors(WordsRow, words.ToBytes());
                    }
                    else
                    {
                        wantArchive = false; // too few words recur to learn from: the base serves
                    }
                }

                var extended = false;
                if (!wantArchive)
                {
                    // The base vectors, extended with the archive's words they do not know (read from their contexts).
                    words = WordVectors.Base is { } known
                        ? VectorTrainer.Extend(known, speechesToLearn.Select(s => s.Text), segmenter, new VectorTrainingOptions())
                        : null;
                    if (words is not null)
                    {
                        extended = true;
                        store.SetVectors(WordsRow, words.ToBytes());
                    }
                    else
                    {
                        words = WordVectors.Base;
                        store.DeleteVectors(WordsRow);
                    }
                }

                learnSeconds = clock.Elapsed.TotalSeconds;
                generation++;
                store.SetMeta(MetaKey.VectorModel, wantArchive ? ArchiveModel : extended ? ExtendedModel : BaseModel);
                store.SetMeta(MetaKey.VectorGeneration, generation.ToString(CultureInfo.InvariantCulture));
                store.SetMeta(MetaKey.VectorCharacters, characters.ToString(CultureInfo.InvariantCulture));
                store.SetMeta(MetaKey.VectorLearned, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            }
            else
            {
                words = storedWords is null ? WordVectors.Base : WordVectors.Read(new MemoryStream(storedWords), $"{store.DatabasePath}: vectors '{WordsRow}'");
            }

            cancellation.ThrowIfCancellationRequested();
            if (words is null)
            {
                store.Commit();
                return null;
            }

            var spans = store.ReadPassageSpans();
            var ids = spans.Select(s => s.Id).ToArray();
            // The passages' vectors are kept only when made with this lexicon and these very word vectors (and so of their
            // size): a build that ships other base vectors embeds every passage once more.
            var passagesKey = PassagesKey(lexiconKey, words);
            var stored = due || store.GetMeta(MetaKey.VectorLexicon) != passagesKey ? null : store.GetVectors(PassagesRow);
            var previous = stored is null ? null : PassageVectorTable.FromBytes(stored, $"{store.DatabasePath}: vectors '{PassagesRow}'");

            var texts = previous is null
                ? AllTexts().ToDictionary(s => s.Id, s => s.Text)
                : store.ReadTexts(spans.Where(s => !previous.Contains(s.Id)).Select(s => s.Speech));
            string TextAt(int i) => texts[spans[i].Speech][spans[i].Start..spans[i].End];
            var (table, embedded) = (previous, cut) switch
            {
                (null, null) => (PassageVectorTable.Compute(ids, TextAt, words, segmenter), ids.Length),
                (null, { } whole) => (PassageVectorTable.Compute(ids, whole, PassagesOfCut(AllTexts(), spans, segmenter), words, segmenter.Lexicon), ids.Length),
                _ => previous.Update(ids, TextAt, words, segmenter),
            };
            cancellation.ThrowIfCancellationRequested();
            var cellsClock = System.Diagnostics.Stopwatch.StartNew();
            var (cells, made, assigned) = Cells(store, previous, table, cellsFrom);
            var cellsSeconds = cellsClock.Elapsed.TotalSeconds;
            cancellation.ThrowIfCancellationRequested();
            store.SetVectors(PassagesRow, table.ToBytes());
            if (cells is null)
            {
                store.DeleteVectors(CellsRow);
            }
            else
            {
                store.SetVectors(CellsRow, cells.ToBytes(table.Fingerprint()));
            }

            var of = store.Generation.ToString(CultureInfo.InvariantCulture);
            store.SetMeta(MetaKey.VectorLexicon, passagesKey);
            store.SetMeta(MetaKey.VectorPassagesOf, of);
            store.SetMeta(MetaKey.VectorCellsOf, of);
            store.Commit();
            return new VectorRefresh(store.GetMeta(MetaKey.VectorModel)!, generation, due && wantArchive, learnSeconds, embedded, ids.Length)
            {
                Rounds = rounds,
                Residual = residual,
                Cells = cells?.Count ?? 0,
                CellsMade = made,
                CellsAssigned = assigned,
                CellsSeconds = cellsSeconds,
            };
        }
        catch
        {
            store.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Each passage (by its row in <paramref name="spans"/>) as a span of the speeches' cut (made from
    /// <paramref name="speeches"/>, in their order), and its own words where an edge of it falls inside a run of Han
    /// characters (a sentence cut where it had no break): there the speech's cut may hold a word across the edge, or cut the
    /// run's end otherwise than the passage's own text is cut; else null.
    /// </summary>
    internal static (Func<int, (int Text, int Start, int End)> SpanAt, Func<int, IEnumerable<string>?> OwnWords) PassagesOfCut(
        List<(long Id, string Text)> speeches, List<(long Id, long Speech, int Start, int End)> spans, Segmenter segmenter)
    {
        var textOf = new Dictionary<long, int>(speeches.Count);
        for (var i = 0; i < speeches.Count; i++)
        {
            textOf[speeches[i].Id] = i;
        }

        static bool Han(char c) => TextNormalizer.KindOf(TextNormalizer.Fold(c)) == CharKind.Cjk;
        static bool MidRun(string text, int at) => at > 0 && at < text.Length && Han(text[at - 1]) && Han(text[at]);
        return (i => (textOf[spans[i].Speech], spans[i].Start, spans[i].End), i =>
        {
            var text = speeches[textOf[spans[i].Speech]].Text;
            var (start, end) = (spans[i].Start, spans[i].End);
            return MidRun(text, start) || MidRun(text, end)
                ? segmenter.HanWords(text[start..end])
                : null;
        });
    }

    /// <summary>
    /// The cells of <paramref name="table"/>: none below <paramref name="cellsFrom"/> passages; the stored ones, when they
    /// were made for <paramref name="previous"/> (the table before this run) and fewer than <see cref="RemakeCellsShare"/>
    /// of the passages changed since they were made, with each new passage put in its nearest cell (returned: how many);
    /// else made now (k-means).
    /// </summary>
    private static (VectorCells? Cells, bool Made, int Assigned) Cells(IndexStore store, PassageVectorTable? previous, PassageVectorTable table, int cellsFrom)
    {
        if (table.Count < Math.Max(2, cellsFrom))
        {
            return (null, false, 0);
        }

        var sums = PassageVectors.Sums(table.Data, table.Dimensions);
        if (previous is not null && StoredCells(store, previous) is { } stored && stored.Dimensions == table.Dimensions)
        {
            var rows = previous.RowsOf(table.Ids);
            var added = rows.Count(r => r < 0);
            var removed = previous.Count - (rows.Length - added);
            if (stored.Changed + added + removed < RemakeCellsShare * stored.MadeFrom)
            {
                return (stored.Follow(rows, table.Data, sums), false, added);
            }
        }

        return (VectorCells.Build(table.Data, table.Scales, sums, table.Dimensions, cellsFrom), true, 0);
    }

    /// <summary>The stored cells when they were made for <paramref name="table"/> (else null, as when they cannot be read).</summary>
    private static VectorCells? StoredCells(IndexStore store, PassageVectorTable table) => CellsFor(ReadCells(store), table);

    /// <summary>The <paramref name="stored"/> cells (<see cref="ReadCells"/>) when they were made for <paramref name="table"/>, else null.</summary>
    private static VectorCells? CellsFor((VectorCells Cells, long MadeFor)? stored, PassageVectorTable table) =>
        stored is var (cells, madeFor) && madeFor == table.Fingerprint() && cells.Rows == table.Count && cells.Dimensions == table.Dimensions
            ? cells
            : null;

    /// <summary>The stored cells with the fingerprint of the table they were made for; null when there are none or they cannot be read.</summary>
    private static (VectorCells Cells, long MadeFor)? ReadCells(IndexStore store)
    {
        if (store.GetVectors(CellsRow) is not { } bytes)
        {
            return null;
        }

        try
        {
            return VectorCells.FromBytes(bytes, $"{store.DatabasePath}: vectors '{CellsRow}'");
        }
        catch (SpeechArchiveException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the stored passage vectors are missing or older than the committed index (a run's vector stage failed or never
    /// ran), or their cells were never decided for it (an index made before the cells were stored).
    /// </summary>
    internal static bool Stale(IndexStore store) =>
        !Current(store, MetaKey.VectorPassagesOf) || !Current(store, MetaKey.VectorCellsOf) || OtherBase(store.GetMeta(MetaKey.VectorModel), store);

    /// <summary>What the passages' stored vectors were made with (<see cref="MetaKey.VectorLexicon"/>): the lexicon's fingerprint and the word vectors'.</summary>
    private static string PassagesKey(string lexiconKey, WordVectors words) => lexiconKey + "\u0001" + words.Fingerprint;

    /// <summary>
    /// Whether the base vectors serve (<paramref name="model"/>) and the passages' stored vectors were embedded with other
    /// base vectors than this build ships (an index made by an earlier build): they are embedded again, and not served meanwhile.
    /// </summary>
    private static bool OtherBase(string? model, IndexStore store) =>
        model == BaseModel && WordVectors.Base is { } known && store.GetMeta(MetaKey.VectorLexicon) is { } key
        && !key.EndsWith(PassagesKey("", known), StringComparison.Ordinal);

    /// <summary>Whether the meta <paramref name="key"/> names the committed index's generation.</summary>
    private static bool Current(IndexStore store, MetaKey key) => store.GetMeta(key) == store.Generation.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The model an index's committed state names, with its word vectors, and the passages' vectors (with their cells) stored
    /// for this generation (<see cref="StoredPassageVectors.For"/> keeps them only when they match the snapshot's passages, else
    /// the snapshot embeds them when it loads); no model without any vectors. A stored part that cannot be read counts as
    /// absent: the base vectors serve, and the passages are embedded on load.
    /// </summary>
    internal static (MeaningModel? Model, StoredPassageVectors? Passages) Read(IndexStore store)
    {
        try
        {
            return ReadStored(store);
        }
        catch (SpeechArchiveException)
        {
            return (WordVectors.Base is { } known ? new MeaningModel(BaseModel, 0, 0, null, known) : null, null);
        }
    }

    private static (MeaningModel? Model, StoredPassageVectors? Passages) ReadStored(IndexStore store)
    {
        var model = store.GetMeta(MetaKey.VectorModel);
        var generation = MetaNumber(store, MetaKey.VectorGeneration) ?? 0;
        var characters = MetaNumber(store, MetaKey.VectorCharacters) ?? 0;
        WordVectors? words = null;
        if (model is ArchiveModel or ExtendedModel && store.GetVectors(WordsRow) is { } bytes)
        {
            words = WordVectors.Read(new MemoryStream(bytes), $"{store.DatabasePath}: vectors '{WordsRow}'");
        }

        var stored = words is not null;
        words ??= WordVectors.Base;
        if (words is null)
        {
            return (null, null);
        }

        StoredPassageVectors? passages = null;
        if (Current(store, MetaKey.VectorPassagesOf) && (stored || (model == BaseModel && !OtherBase(model, store))))
        {
            var storedCells = ReadCells(store); // read once: for the file's name, and for the table when the file does not serve
            passages = MappedPassages(store, storedCells, words.Dimensions, generation, out var file);
            if (passages is null && store.ReadVectors(PassagesRow, s => PassageVectorTable.Read(s, $"{store.DatabasePath}: vectors '{PassagesRow}'")) is { } read
                && read.Dimensions == words.Dimensions)
            {
                var cells = CellsFor(storedCells, read);
                passages = new StoredPassageVectors(read, cells) { File = cells is not null ? file : null }; // (cells made for this table: the file's digest is its)
            }
        }

        return (new MeaningModel(stored ? model! : BaseModel, stored || model == BaseModel ? generation : 0, characters,
            store.GetMeta(MetaKey.VectorLearned), words), passages);
    }

    /// <summary>
    /// The passages' vectors mapped from the generation's vectors file (<see cref="PassageVectorFile"/>), laid out as the
    /// stored cells lay them out, when the file is whole and made from the stored vectors; else null, with the file the
    /// rows are to be written to once laid out (null where there are no current cells, or no room in a file). The file is
    /// named by a digest of the fingerprint of the table the stored cells were made for (written with it in one transaction:
    /// its passages and common component, which fix its rows) and of what made it (model, its generation, the lexicon); its
    /// layout is checked against the stored cells when it is mapped (<see cref="PassageVectors.Fit"/>).
    /// </summary>
    private static StoredPassageVectors? MappedPassages(IndexStore store, (VectorCells Cells, long MadeFor)? stored, int dimensions, long modelGeneration,
        out VectorFile? file)
    {
        file = null;
        if (!Current(store, MetaKey.VectorCellsOf) || stored is not var (cells, table) || cells.Dimensions != dimensions
            || !PassageVectorFile.Fits(cells.Rows, dimensions))
        {
            return null;
        }

        var of = string.Join('\t', store.GetMeta(MetaKey.VectorModel), modelGeneration.ToString(CultureInfo.InvariantCulture), store.GetMeta(MetaKey.VectorLexicon));
        file = new VectorFile(store.Directory, store.Generation, FileDigest(table, of));
        return PassageVectorFile.Read(file.Path, file.Generation, file.Digest, cells.Rows, dimensions) is var (ids, rows) && PassageVectors.Fit(rows, cells, dimensions)
            ? new StoredPassageVectors(null, cells) { Mapped = (ids, rows) }
            : null;
    }

    /// <summary>
    /// The passages' vectors <paramref name="stored"/> serves, laid out for search: mapped from the generation's vectors file
    /// when it was whole; else the table laid out in its own arrays, then written to that file and mapped from it, so that the
    /// rows leave the heap from their first use on (the web app's comes right after the load). Where the file cannot be
    /// written (a read-only folder, a full disk) or a later generation is committed already, the arrays serve.
    /// </summary>
    internal static PassageVectors Serve(StoredPassageVectors stored, WordVectors words, Lexicon lexicon)
    {
        if (stored.Mapped is var (_, mappedRows))
        {
            return PassageVectors.FromLaidOut(mappedRows, words, lexicon, stored.Cells!);
        }

        var table = stored.Table!;
        var vectors = PassageVectors.FromOwned(table, words, lexicon, stored.Cells);
        if (stored.File is not { } file || vectors.LaidOut is not { } rows || Superseded(file))
        {
            return vectors;
        }

        try
        {
            PassageVectorFile.Write(file.Path, file.Generation, file.Digest, table.Ids, rows);
            PassageVectorFile.DeleteOthers(file.Directory, file.Generation, System.IO.Path.GetFileName(file.Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return vectors;
        }

        return PassageVectorFile.Read(file.Path, file.Generation, file.Digest, table.Count, table.Dimensions) is var (_, written)
            && PassageVectors.Fit(written, stored.Cells!, table.Dimensions)
            ? PassageVectors.FromLaidOut(written, words, lexicon, stored.Cells!)
            : vectors;
    }

    /// <summary>
    /// Whether a later generation than <paramref name="file"/>'s has been committed (a snapshot first asked for its meaning
    /// long after it loaded): its file would be written for nothing, and its deleting of the others' could take the newer
    /// generation's file.
    /// </summary>
    private static bool Superseded(VectorFile file)
    {
        try
        {
            return IndexStore.CommittedGeneration(file.Directory) > file.Generation;
        }
        catch (SpeechArchiveException)
        {
            return true; // the index cannot be read now: write nothing beside it
        }
    }

    /// <summary>The vectors file's digest (16 hex digits) for the table of <paramref name="fingerprint"/> made by <paramref name="of"/>.</summary>
    private static string FileDigest(long fingerprint, string of) =>
        Fingerprint(string.Create(CultureInfo.InvariantCulture, $"{fingerprint}\t{of}")).ToLowerInvariant();

    private static long? MetaNumber(IndexStore store, MetaKey key) =>
        long.TryParse(store.GetMeta(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Fingerprint(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>
/// The word vectors that serve an index's ranking by meaning: <see cref="ArchiveVectors.BaseModel"/> (shipped with the
/// engine), <see cref="ArchiveVectors.ExtendedModel"/> (those and the archive's own words) or
/// <see cref="ArchiveVectors.ArchiveModel"/> (learned from the archive); <paramref name="Generation"/> counts the
/// models the index has had (0: none stored yet, the base serves); <paramref name="Characters"/> is the archive's size when
/// it was chosen or learned.
/// </summary>
public sealed record MeaningModel(string Kind, long Generation, long Characters, string? Learned, WordVectors Words);

/// <summary>
/// What a run's vector stage did: the model serving, whether it was learned now, how many passages were embedded, and the
/// passages' cells (how many; made now by k-means, or kept with the new passages put in their nearest cells).
/// </summary>
public sealed record VectorRefresh(string Model, long Generation, bool Learned, double LearnSeconds, int Embedded, int Passages)
{
    /// <summary>The cells stored (0: too few passages for cells).</summary>
    public int Cells { get; init; }

    /// <summary>Whether the cells were made now (k-means) rather than kept from the last run.</summary>
    public bool CellsMade { get; init; }

    /// <summary>New passages put in the nearest of the kept cells.</summary>
    public int CellsAssigned { get; init; }

    /// <summary>Seconds spent on the cells.</summary>
    public double CellsSeconds { get; init; }

    /// <summary>The eigendecomposition's filtered rounds, when the model was learned now (0 otherwise).</summary>
    public int Rounds { get; init; }

    /// <summary>The eigendecomposition's residual at the end, when the model was learned now (<see cref="RandomizedEigen.DefaultTolerance"/> or less when it converged).</summary>
    public double Residual { get; init; }
}

/// <summary>
/// The passages' vectors stored with the index, and their cells when they were stored for that table: the table read from the
/// database, or (<see cref="Mapped"/>, then without a table) its rows laid out for the cells, mapped from the generation's
/// vectors file with the passages' ids.
/// </summary>
internal sealed record StoredPassageVectors(PassageVectorTable? Table, VectorCells? Cells)
{
    /// <summary>The passages' ids and their laid-out rows, mapped (<see cref="PassageVectorFile"/>); null when the table was read.</summary>
    public (Column<long> Ids, LaidOutRows Rows)? Mapped { get; init; }

    /// <summary>Where the table's rows, once laid out for the cells, are written for the next loads to map (null: nowhere).</summary>
    public VectorFile? File { get; init; }

    /// <summary>These, when their rows are exactly the passages <paramref name="passageIds"/> (row i is passage i); else null.</summary>
    public StoredPassageVectors? For(ReadOnlySpan<long> passageIds)
    {
        if (Mapped is not var (ids, _))
        {
            return Table!.Covers(passageIds) ? this : null;
        }

        var covers = ids.Span.SequenceEqual(passageIds);
        ids.KeepAlive();
        return covers ? this : null;
    }
}

/// <summary>The generation's vectors file (<see cref="PassageVectorFile"/>) in <paramref name="Directory"/>: its generation and digest.</summary>
internal sealed record VectorFile(string Directory, long Generation, string Digest)
{
    public string Path => System.IO.Path.Combine(Directory, PassageVectorFile.NameFor(Generation, Digest));
}
