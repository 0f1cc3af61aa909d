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
    public const string PipelineVersion = "1";

    /// <summary>How many files the workers may run ahead of the writer (bounds the memory of prepared speeches).</summary>
    private const int PipelineWindow = 64;

    public static IndexRunResult Run(IndexOptions options, IProgress<IndexProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(options.CorpusDirectory))
        {
            throw new SpeechArchiveException($"Corpus folder '{options.CorpusDirectory}' does not exist.");
        }

        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow.ToString("O");
        using var gate = IndexLock.Acquire(options.IndexDirectory);
        using var store = IndexStore.Open(options.IndexDirectory, create: true);

        var failures = new List<IndexFailure>();
        var warnings = new List<string>();
        var taxonomy = LoadTaxonomy(options, store, failures);
        var lexiconEdits = LoadLexiconEdits(options, store, failures);
        var fingerprint = taxonomy.Fingerprint + "/" + PipelineVersion;
        var storedPipeline = store.GetMeta("pipeline_version"); // null for a new index
        var existing = options.Rebuild || storedPipeline != PipelineVersion
            ? new Dictionary<string, StoredSpeech>(StringComparer.Ordinal)
            : store.ReadSpeeches(withText: false).ToDictionary(s => s.FileKey, StringComparer.Ordinal);
        var rebuild = options.Rebuild || (storedPipeline is not null && storedPipeline != PipelineVersion);

        var stages = new Dictionary<string, double>();
        var lap = Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages[stage] = Math.Round(lap.Elapsed.TotalSeconds, 3);
            lap.Restart();
        }

        var scannedUtc = DateTime.UtcNow;
        var files = new CorpusScanner().Scan(options.CorpusDirectory);
        var tables = new MetadataTableCache();
        var tableOf = files.Select(tables.For).ToArray(); // loaded once, serially, before the workers start
        warnings.AddRange(tables.Warnings);
        var present = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Values.Where(s => !present.Contains(s.FileKey)).ToList();
        Lap("scan");

        // Workers read, parse, label and analyze files in parallel; this thread writes each prepared speech as soon as it is
        // its turn (file order keeps ids deterministic), inside the run's one transaction.
        var classifier = new SpeechClassifier(taxonomy);
        var fileWork = new FileWork(files, tableOf, existing, scannedUtc, classifier, progress);
        var writer = new RunWriter(store, rebuild, existing, removed, fingerprint, progress);
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
                || store.GetMeta("labels_fingerprint") != fingerprint || ArchiveLexicon.EditsChanged(store, lexiconEdits);
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
                progress?.Report(new IndexProgress("commit", 1, 1));
            }

            return result with
            {
                Speeches = (int)store.CountRows("speeches"),
                Passages = (int)store.CountRows("passages"),
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
            }
        }
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
            var previous = store.GetMeta("taxonomy_yaml");
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

    private static string RunReport(IndexRunResult r) => System.Text.Json.JsonSerializer.Serialize(
        new { r.Added, r.Updated, r.Unchanged, r.Removed, r.Relabelled, Failed = r.Failed, r.Warnings }, Search.JsonDefaults.Options);
}
