using System.Diagnostics;
using SpeechArchive.Classification;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>
/// Brings the index in line with a corpus folder: new files are added, changed ones (by content hash) re-parsed, deleted ones
/// removed, unchanged ones re-labelled only when the taxonomy changed. Everything is written in one transaction, so a crash
/// or a kill leaves the last committed index; a file that fails keeps its previous version searchable.
/// </summary>
public static partial class Indexer
{
    /// <summary>Bump when the parser, analyzer or classifier change in ways that need re-indexing.</summary>
    public const string PipelineVersion = "1";

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
        var fingerprint = taxonomy.Fingerprint + "/" + PipelineVersion;
        var existing = options.Rebuild || store.GetMeta("pipeline_version") != PipelineVersion
            ? new Dictionary<string, Storage.StoredSpeech>(StringComparer.Ordinal)
            : store.ReadSpeeches(withText: false).ToDictionary(s => s.FileKey, StringComparer.Ordinal);
        var rebuild = options.Rebuild || (store.GetMeta("pipeline_version") is { } v && v != PipelineVersion);

        var stages = new Dictionary<string, double>();
        var lap = Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages[stage] = Math.Round(lap.Elapsed.TotalSeconds, 3);
            lap.Restart();
        }

        var scan = ReadCorpus(options, progress, failures, warnings, cancellation);
        Lap("read");
        var plan = Plan(scan, existing, fingerprint, failures);
        var classifier = new SpeechClassifier(taxonomy);
        var prepared = Prepare(plan.ToParse, classifier, options.Parallelism, progress, failures, cancellation);
        Lap("parse");
        var relabels = plan.ToRelabel.Count > 0 ? Relabel(store, plan.ToRelabel, classifier, progress, cancellation) : [];
        Lap("relabel");

        cancellation.ThrowIfCancellationRequested();
        var changedRelabels = relabels.Where(r => r.Changed).ToList();
        var touched = rebuild || prepared.Count > 0 || plan.ToRemove.Count > 0 || changedRelabels.Count > 0
            || store.GetMeta("labels_fingerprint") != fingerprint || relabels.Count > 0;
        var result = new IndexRunResult
        {
            Added = prepared.Count(p => !existing.ContainsKey(p.Document.Key)),
            Updated = prepared.Count(p => existing.ContainsKey(p.Document.Key)),
            Unchanged = plan.Unchanged,
            Removed = plan.ToRemove.Count,
            Relabelled = changedRelabels.Count,
            Failed = failures,
            Warnings = warnings,
        };

        if (touched)
        {
            progress?.Report(new IndexProgress("commit", 0, 1));
            Write(store, rebuild, existing, prepared, plan.ToRemove, relabels, taxonomy, fingerprint, Lap);
            store.InsertRun(started, Path.GetFullPath(options.CorpusDirectory), result.Added, result.Updated, result.Unchanged,
                result.Removed, result.Relabelled, failures.Count, RunReport(result));
            store.Commit();
            Lap("commit");
            store.Checkpoint();
            Lap("checkpoint");
            progress?.Report(new IndexProgress("commit", 1, 1));
        }

        return result with
        {
            Speeches = (int)store.CountRows("speeches"),
            Passages = (int)store.CountRows("passages"),
            Characters = scan.Sum(s => (long)(s.Document?.Text.Length ?? 0)),
            IndexBytes = store.SizeOnDisk(),
            Generation = store.Generation,
            Committed = touched,
            Elapsed = clock.Elapsed,
            StageSeconds = stages,
        };
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

    private static string RunReport(IndexRunResult r) => System.Text.Json.JsonSerializer.Serialize(
        new { r.Added, r.Updated, r.Unchanged, r.Removed, r.Relabelled, Failed = r.Failed, r.Warnings }, Search.JsonDefaults.Options);
}
