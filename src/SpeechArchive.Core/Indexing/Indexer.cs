using System.Diagnostics;
using SpeechArchive.Classification;
using SpeechArchive.Documents;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>
/// Brings the index in line with a corpus folder: new files are added, changed ones (by content hash; a file whose size,
/// time and metadata row match the last run is not even read) re-parsed, deleted ones removed, unchanged ones re-labelled
/// only when the taxonomy changed. Everything is written in one transaction, so a crash
/// or a kill leaves the last committed index; a file that fails keeps its previous version searchable.
/// </summary>
public static partial class Indexer
{
    /// <summary>Bump when the parser, analyzer or classifier change in ways that need re-indexing.</summary>
    public const string PipelineVersion = "11"; // 2: traditional characters folded to simplified; 3: rough table titles mended (TitleRepair); 4: numbers apart in the text kept apart in the match form (MatchText); 5: a licence notice at a text's end left out (LicenceNotice); 6: a text that is only its title is its passages too (SpeechParser); 7: a text of a title and headings only is its headings' passages (SpeechParser); 8: the contents of a Markdown file's script and style elements are not text (HtmlText, InlineText); 9: but a script or style never closed that opens an HTML block (which runs to the file's end) keeps its text (HtmlText.UnclosedToTheEnd); 10: a script or style tag written self-closing (<script/>) opens the element all the same, as HTML reads it (HtmlText, InlineText); 11: a year inferred from the text by a dateline first, targets and old pairs of years not taken for the date (MetadataInference.InferYear)

    /// <summary>How many files the workers may run ahead of the writer (bounds the memory of prepared speeches).</summary>
    private const int PipelineWindow = 64;

    /// <summary>
    /// Up to this size SQLite's quick check runs after every committed run (about 25 ms a megabyte here: half a second at
    /// most); a larger index is checked on demand (<c>check</c>, the web app's <c>CheckIndexAtStart</c>).
    /// </summary>
    private const long QuickCheckBytes = 20L << 20;

    public static IndexRunResult Run(IndexOptions options, IProgress<IndexProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(options.CorpusDirectory))
        {
            throw new SpeechArchiveException($"Corpus folder '{options.CorpusDirectory}' does not exist.");
        }

        using var gate = IndexLock.Acquire(options.IndexDirectory);
        try
        {
            try
            {
                return RunLocked(options, progress, cancellation);
            }
            catch (IndexDamagedException e)
            {
                // The index is derived data and the corpus the record: a damaged index file is set aside (renamed
                // ….damaged-TIME, kept for whoever wants to look at it) and the index rebuilt from the corpus.
                var aside = IndexStore.SetAside(options.IndexDirectory);
                var rebuilt = RunLocked(options with { Rebuild = true }, progress, cancellation);
                return rebuilt with { Warnings = [$"The damaged index file was set aside as '{aside}' ({e.Reason}); the index was rebuilt from the corpus.", .. rebuilt.Warnings] };
            }
        }
        catch (IndexDiskFullException e)
        {
            throw DiskFull(options, e);
        }
    }

    private static IndexRunResult RunLocked(IndexOptions options, IProgress<IndexProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow.ToString("O");
        var failures = new List<IndexFailure>();
        var warnings = new List<string>();
        using var store = IndexStore.Open(options.IndexDirectory, create: true);
        var taxonomy = LoadTaxonomy(options, store, failures);
        var lexiconEdits = LoadLexiconEdits(options, store, failures);
        var categoryLabels = LoadCategoryLabels(options, store, failures);
        var fingerprint = taxonomy.Fingerprint + "/" + PipelineVersion;
        var storedPipeline = store.GetMeta(MetaKey.PipelineVersion); // null for a new index
        var rebuild = options.Rebuild || (storedPipeline is not null && storedPipeline != PipelineVersion);
        var stored = storedPipeline is null ? [] : store.ReadSpeeches(withText: false).ToDictionary(s => s.FileKey, StringComparer.Ordinal);
        var existing = rebuild ? new Dictionary<string, StoredSpeech>(StringComparer.Ordinal) : stored;

        // A rebuild keeps the id each file's speech had (links to /speeches/ID stay good when the pipeline or the id rule
        // changes); only a file new to the index is given an id by today's DocumentId.
        var keptIds = rebuild ? stored.ToDictionary(s => s.Key, s => s.Value.PublicId, StringComparer.Ordinal) : [];

        var stages = new Dictionary<string, double>();
        var lap = Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages[stage] = Math.Round(lap.Elapsed.TotalSeconds, 3);
            lap.Restart();
        }

        var scannedUtc = DateTime.UtcNow;
        var files = new CorpusScanner().Scan(options.CorpusDirectory, out var unreadable);
        foreach (var (prefix, reason) in unreadable)
        {
            failures.Add(new IndexFailure(prefix, $"cannot read this folder ({reason}); the files indexed from it stay searchable"));
        }

        var tables = new MetadataTableCache();
        var tableOf = files.Select(tables.For).ToArray(); // loaded once, serially, before the workers start
        warnings.AddRange(tables.Warnings);
        var present = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        keptIds = keptIds.Where(k => present.Contains(k.Key)).ToDictionary(StringComparer.Ordinal); // a deleted file's id is free
        var removed = existing.Values
            .Where(s => !present.Contains(s.FileKey) && !unreadable.Any(u => s.FileKey.StartsWith(u.KeyPrefix, StringComparison.Ordinal))).ToList();
        Lap("scan");

        // Workers read, parse, label and analyze files in parallel; this thread writes each prepared speech as soon as it is
        // its turn (file order keeps ids deterministic), inside the run's one transaction.
        var classifier = new SpeechClassifier(taxonomy);
        var fileWork = new FileWork(files, tableOf, existing, scannedUtc, classifier, progress);
        var writer = new RunWriter(store, rebuild, existing, keptIds, removed, fingerprint, progress);
        var committed = false;
        try
        {
            if (rebuild || removed.Count > 0)
            {
                writer.Begin();
            }

            var readFailures = new List<IndexFailure>();
            var parseFailures = new List<IndexFailure>();
            var toRelabel = new List<StoredSpeech>();
            var stamps = new List<(long RowId, string Stamp)>();
            int added = 0, updated = 0, unchanged = 0;
            long characters = 0;
            using (var work = new OrderedWork<FileOutcome>(files.Count, options.Parallelism, PipelineWindow, fileWork.Process, cancellation))
            {
                foreach (var outcome in work.Results())
                {
                    cancellation.ThrowIfCancellationRequested();
                    characters += outcome.Characters;
                    warnings.AddRange(outcome.Warnings.Select(w => $"{outcome.Key}: {w}"));
                    switch (outcome.Kind)
                    {
                        case OutcomeKind.ReadFailed:
                            var stays = outcome.Old is null ? "" : " — the previously indexed version stays searchable.";
                            readFailures.Add(new IndexFailure(outcome.Key, outcome.Reason + stays));
                            break;
                        case OutcomeKind.ParseFailed:
                            parseFailures.Add(new IndexFailure(outcome.Key, outcome.Reason!));
                            break;
                        case OutcomeKind.Unchanged:
                            var old = outcome.Old!;
                            unchanged++;
                            if (old.LabelsFingerprint != fingerprint)
                            {
                                toRelabel.Add(old);
                            }

                            if (outcome.Stamp is not null && outcome.Stamp != old.SourceStamp)
                            {
                                stamps.Add((old.RowId, outcome.Stamp));
                            }

                            break;
                        default:
                            writer.Add(outcome.Prepared!, outcome.Stamp);
                            _ = outcome.Old is null ? added++ : updated++;
                            break;
                    }
                }
            }

            failures.AddRange(readFailures);
            failures.AddRange(parseFailures);
            stages["read (summed over workers)"] = Math.Round(fileWork.ReadSeconds, 3);
            stages["parse (summed over workers)"] = Math.Round(fileWork.ParseSeconds, 3);
            stages["rows (writer)"] = Math.Round(writer.RowSeconds, 3);
            stages["postings (part of rows)"] = Math.Round(writer.PostingSeconds, 3);
            Lap("pipeline");

            var relabels = toRelabel.Count > 0 ? Relabel(store, toRelabel, classifier, progress, cancellation) : [];
            Lap("relabel");
            cancellation.ThrowIfCancellationRequested();
            var changedRelabels = relabels.Count(r => r.Changed);
            var touched = rebuild || added + updated > 0 || removed.Count > 0 || relabels.Count > 0
                || store.GetMeta(MetaKey.LabelsFingerprint) != fingerprint || ArchiveLexicon.EditsChanged(store, lexiconEdits)
                || (store.GetMeta(MetaKey.CategoryLabels) ?? "") != categoryLabels;
            var result = new IndexRunResult
            {
                Added = added,
                Updated = updated,
                Unchanged = unchanged,
                Removed = removed.Count,
                Relabelled = changedRelabels,
                Failed = failures,
                Warnings = warnings,
            };

            if (touched)
            {
                // Stamps refreshed for unchanged files ride along with a commit; a run that changes nothing writes nothing.
                writer.Finish(relabels, stamps, taxonomy, Lap);
                store.SetMeta(MetaKey.CategoryLabels, categoryLabels);
                if (ArchiveLexicon.Refresh(store, rebuild, lexiconEdits))
                {
                    Lap("lexicon");
                }

                store.InsertRun(started, Path.GetFullPath(options.CorpusDirectory), result.Added, result.Updated, result.Unchanged,
                    result.Removed, result.Relabelled, failures.Count, RunReport(result));
                store.Commit();
                committed = true;
                Lap("commit");
                store.Checkpoint();
                Lap("checkpoint");
                if (store.SizeOnDisk() <= QuickCheckBytes)
                {
                    try
                    {
                        store.QuickCheck();
                    }
                    catch (IndexDamagedException e)
                    {
                        failures.Add(new IndexFailure(store.DatabasePath, e.Message)); // committed, but what was written reads back damaged: the next run rebuilds
                    }

                    Lap("quick check");
                }

                progress?.Report(new IndexProgress("commit", 1, 1));
            }

            var vectors = committed || ArchiveVectors.Stale(store) ? RefreshVectors(store, rebuild, options, warnings, cancellation) : null;
            if (vectors is not null)
            {
                Lap("vectors (after the commit)");
            }

            return result with
            {
                Vectors = vectors,
                Speeches = (int)store.CountSpeeches(),
                Passages = (int)store.CountPassages(),
                Characters = characters,
                IndexBytes = store.SizeOnDisk(),
                Generation = store.Generation,
                Committed = touched,
                Elapsed = clock.Elapsed,
                StageSeconds = stages,
            };
        }
        finally
        {
            if (!committed)
            {
                writer.Rollback();
                TruncateLog(store);
            }
        }
    }

    /// <summary>
    /// The vector stage, after the lexical commit (search already sees the run): the meaning model and the passages' vectors
    /// (<see cref="ArchiveVectors"/>). When it fails, the committed index stands and a snapshot embeds its passages when it loads.
    /// </summary>
    private static VectorRefresh? RefreshVectors(IndexStore store, bool rebuild, IndexOptions options, List<string> warnings, CancellationToken cancellation)
    {
        try
        {
            var refresh = ArchiveVectors.Refresh(store, rebuild, options.VectorTrainingFrom, options.VectorCellsFrom, cancellation);
            if (refresh is { Learned: true } learned && !(learned.Residual <= Semantics.RandomizedEigen.DefaultTolerance))
            {
                warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The word vectors learned from this archive are approximate: their eigendecomposition stopped after {learned.Rounds} rounds at a residual of {learned.Residual:0.0e0}, above {Semantics.RandomizedEigen.DefaultTolerance} (docs/relevance.md); ranking by meaning uses them as they are."));
            }

            return refresh;
        }
        catch (Exception e) when (e is SpeechArchiveException or IOException)
        {
            TruncateLog(store);
            warnings.Add($"The index was committed, but the meaning vectors could not be stored ({e.Message}); ranking by meaning builds them when the index loads, and the next run stores them.");
            return null;
        }
    }

    /// <summary>After a rolled-back run, gives back the log's space (best effort: on a full disk the rollback is what matters).</summary>
    private static void TruncateLog(IndexStore store)
    {
        try
        {
            store.Checkpoint();
        }
        catch (SpeechArchiveException)
        {
        }
    }

    /// <summary>A full disk, said with what it means: nothing committed, the last index serving, and roughly the space a run needs.</summary>
    private static IndexDiskFullException DiskFull(IndexOptions options, IndexDiskFullException e)
    {
        long corpusBytes = 0;
        try
        {
            corpusBytes = new CorpusScanner().Scan(options.CorpusDirectory).Sum(f => f.Length);
        }
        catch (Exception scan) when (scan is SpeechArchiveException or IOException or UnauthorizedAccessException)
        {
            // the estimate is a courtesy: the message stands without it
        }

        long generation = 0;
        try
        {
            generation = IndexStore.CommittedGeneration(options.IndexDirectory);
        }
        catch (SpeechArchiveException)
        {
        }

        var indexBytes = IndexStore.SizeOnDiskIn(options.IndexDirectory);
        var freeNow = DiskSpace.Free(e.Folder) ?? e.FreeBytes ?? 0; // after the rollback gave the log's space back
        var kept = generation > 0 ? $"the last good index (generation {generation}) is unchanged and still serves" : "there was no committed index before it";
        // An index takes about twice the UTF-8 text (docs/benchmarks.md), and while a run writes, its log holds the new pages
        // too: about twice the index at the peak.
        var index = 2 * corpusBytes;
        var more = Math.Max(0, (2 * index) - indexBytes - freeNow);
        var estimate = corpusBytes == 0 ? "" :
            $" An index of this corpus ({DiskSpace.Format(corpusBytes)} of files) takes about {DiskSpace.Format(index)}, and a run needs about as much again while it writes: free roughly {DiskSpace.Format(more)} more there";
        return new IndexDiskFullException(
            $"{e.Message} The run was rolled back: {kept}, and {DiskSpace.Format(freeNow)} are free there now.{estimate}{(estimate.Length == 0 ? " Free some space" : "")}, then run `index` again.",
            e.Folder, e.FreeBytes, e.InnerException);
    }

    /// <summary>
    /// Checks the index file in <paramref name="indexDirectory"/> with SQLite's quick check (every page and index readable
    /// and well-formed) and returns how long it took; throws <see cref="IndexDamagedException"/> with the way back when it
    /// is damaged.
    /// </summary>
    public static TimeSpan Check(string indexDirectory)
    {
        var clock = Stopwatch.StartNew();
        using var store = IndexStore.Open(indexDirectory, create: false);
        store.QuickCheck();
        return clock.Elapsed;
    }

    /// <summary>
    /// The generation of the last committed run in <paramref name="indexDirectory"/>; 0 when there is no index or no run ever
    /// committed (the first run was killed), so the caller should build one. Throws when the index is of another schema version.
    /// </summary>
    public static long CommittedGeneration(string indexDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexDirectory);
        return IndexStore.CommittedGeneration(indexDirectory);
    }

    /// <summary>
    /// Whether the committed index in <paramref name="indexDirectory"/> was written by another <see cref="PipelineVersion"/>
    /// (its text folded or parsed otherwise): the next run reads every file again. False when there is no committed index.
    /// </summary>
    public static bool WrittenByAnotherPipeline(string indexDirectory)
    {
        if (CommittedGeneration(indexDirectory) == 0)
        {
            return false;
        }

        using var store = IndexStore.Open(indexDirectory, create: false);
        return store.GetMeta(MetaKey.PipelineVersion) is { } stored && stored != PipelineVersion;
    }

    private static Taxonomy LoadTaxonomy(IndexOptions options, IndexStore store, List<IndexFailure> failures)
    {
        var path = options.TaxonomyPath ?? Path.Combine(options.CorpusDirectory, "taxonomy.yaml");
        if (options.TaxonomyPath is null && !File.Exists(path))
        {
            return Taxonomy.Default;
        }

        try
        {
            return Taxonomy.Load(path);
        }
        catch (SpeechArchiveException e)
        {
            // The previous labels stay in force: fall back to the taxonomy of the last good run.
            failures.Add(new IndexFailure(path, e.Message + " — the previous taxonomy stays in force."));
            var previous = store.GetMeta(MetaKey.TaxonomyYaml);
            return previous is null ? Taxonomy.Default : Taxonomy.Parse(previous, "the index's previous taxonomy");
        }
    }

    private static string LoadLexiconEdits(IndexOptions options, IndexStore store, List<IndexFailure> failures)
    {
        try
        {
            return ArchiveLexicon.ReadEdits(options.CorpusDirectory);
        }
        catch (Exception e) when (e is SpeechArchiveException or IOException or UnauthorizedAccessException)
        {
            failures.Add(new IndexFailure(Path.Combine(options.CorpusDirectory, ArchiveLexicon.EditsFileName), e.Message + " — the previous lexicon edits stay in force."));
            return store.GetMeta(MetaKey.LexiconEdits) ?? "";
        }
    }

    private static string LoadCategoryLabels(IndexOptions options, IndexStore store, List<IndexFailure> failures)
    {
        try
        {
            return Documents.CategoryLabels.ReadText(options.CorpusDirectory);
        }
        catch (Exception e) when (e is SpeechArchiveException or IOException or UnauthorizedAccessException)
        {
            failures.Add(new IndexFailure(Path.Combine(options.CorpusDirectory, Documents.CategoryLabels.FileName), e.Message + " — the previous category labels stay in force."));
            return store.GetMeta(MetaKey.CategoryLabels) ?? "";
        }
    }

    private static string RunReport(IndexRunResult r) => System.Text.Json.JsonSerializer.Serialize(
        new { r.Added, r.Updated, r.Unchanged, r.Removed, r.Relabelled, Failed = r.Failed, r.Warnings }, Search.JsonDefaults.Options);
}
