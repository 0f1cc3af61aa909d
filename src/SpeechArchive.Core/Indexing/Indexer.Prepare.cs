using System.Collections.Concurrent;
using SpeechArchive.Classification;
using SpeechArchive.Documents;
using SpeechArchive.Storage;
using SpeechArchive.Structure;

namespace SpeechArchive.Indexing;

public static partial class Indexer
{
    private sealed record ScannedFile(CorpusFile File, SourceDocument? Document);

    private sealed record RunPlan(List<SourceDocument> ToParse, List<StoredSpeech> ToRelabel, List<StoredSpeech> ToRemove, int Unchanged);

    private sealed record Relabelled(StoredSpeech Speech, SpeechLabels Labels, List<StoredPassage> Passages, bool Changed);

    private static List<ScannedFile> ReadCorpus(IndexOptions options, IProgress<IndexProgress>? progress, List<IndexFailure> failures,
        List<string> warnings, CancellationToken cancellation)
    {
        var files = new CorpusScanner().Scan(options.CorpusDirectory);
        var tables = new MetadataTableCache();
        var tableOf = files.Select(tables.For).ToArray(); // loaded once, serially, before the parallel read
        warnings.AddRange(tables.Warnings);
        var reader = new DocumentReader();
        var results = new ScannedFile[files.Count];
        var errors = new ConcurrentBag<(int, IndexFailure)>();
        var done = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellation }, i =>
        {
            var file = files[i];
            var read = reader.Read(file, tableOf[i]);
            if (read.Document is null)
            {
                errors.Add((i, new IndexFailure(file.Key, read.Reason ?? "unreadable")));
            }

            results[i] = new ScannedFile(file, read.Document);
            var n = Interlocked.Increment(ref done);
            if (n % 64 == 0 || n == files.Count)
            {
                progress?.Report(new IndexProgress("read", n, files.Count, file.Key));
            }
        });

        failures.AddRange(errors.OrderBy(e => e.Item1).Select(e => e.Item2));
        foreach (var doc in results.Where(r => r.Document is not null).Select(r => r.Document!))
        {
            warnings.AddRange(doc.Warnings.Select(w => $"{doc.Key}: {w}"));
        }

        return [.. results];
    }

    private static RunPlan Plan(List<ScannedFile> scan, Dictionary<string, StoredSpeech> existing, string fingerprint, List<IndexFailure> failures)
    {
        var toParse = new List<SourceDocument>();
        var toRelabel = new List<StoredSpeech>();
        var unchanged = 0;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in scan)
        {
            present.Add(item.File.Key);
            if (item.Document is null)
            {
                if (existing.ContainsKey(item.File.Key))
                {
                    var i = failures.FindIndex(f => f.File == item.File.Key);
                    if (i >= 0)
                    {
                        failures[i] = failures[i] with { Reason = failures[i].Reason + " — the previously indexed version stays searchable." };
                    }
                }

                continue;
            }

            if (existing.TryGetValue(item.File.Key, out var old) && old.ContentHash == item.Document.ContentHash)
            {
                unchanged++;
                if (old.LabelsFingerprint != fingerprint)
                {
                    toRelabel.Add(old);
                }

                continue;
            }

            toParse.Add(item.Document);
        }

        var toRemove = existing.Values.Where(s => !present.Contains(s.FileKey)).ToList();
        return new RunPlan(toParse, toRelabel, toRemove, unchanged);
    }

    private static List<PreparedSpeech> Prepare(List<SourceDocument> docs, SpeechClassifier classifier, int parallelism,
        IProgress<IndexProgress>? progress, List<IndexFailure> failures, CancellationToken cancellation)
    {
        var results = new PreparedSpeech?[docs.Count];
        var errors = new ConcurrentBag<(int, IndexFailure)>();
        var done = 0;
        Parallel.For(0, docs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation }, i =>
        {
            var doc = docs[i];
            try
            {
                var structure = SpeechParser.Parse(doc.Text, new SpeechParseOptions { KnownTitle = doc.Metadata.Title, Headings = doc.Headings });
                var labels = classifier.Classify(doc.Text, structure);
                results[i] = new PreparedSpeech(doc, structure, labels, PreparePassages(doc.Text, structure, labels));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add((i, new IndexFailure(doc.Key, $"could not be parsed or labelled: {e.Message}")));
            }

            var n = Interlocked.Increment(ref done);
            if (n % 32 == 0 || n == docs.Count)
            {
                progress?.Report(new IndexProgress("parse", n, docs.Count, doc.Key));
            }
        });

        failures.AddRange(errors.OrderBy(e => e.Item1).Select(e => e.Item2));
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    private static List<PreparedPassage> PreparePassages(string text, SpeechStructure structure, SpeechLabels labels)
    {
        var list = new List<PreparedPassage>(structure.Passages.Count);
        for (var i = 0; i < structure.Passages.Count; i++)
        {
            var p = structure.Passages[i];
            var l = labels.Passages[i];
            list.Add(new PreparedPassage(p, string.Join(',', l.Themes), string.Join(',', l.DirectiveTypes), StoredStructure.Sentences(p, l),
                TermVector.Build(text, p.Span.Start, p.Span.End)));
        }

        return list;
    }

    private static List<Relabelled> Relabel(IndexStore store, List<StoredSpeech> speeches, SpeechClassifier classifier,
        IProgress<IndexProgress>? progress, CancellationToken cancellation)
    {
        var list = new List<Relabelled>();
        foreach (var old in speeches)
        {
            cancellation.ThrowIfCancellationRequested();
            var speech = store.ReadSpeeches(true, "id = ?", old.RowId).Single();
            var passages = store.ReadPassages(old.RowId);
            var sections = store.ReadSections(old.RowId);
            var structure = StoredStructure.Rebuild(speech, sections, passages);
            var labels = classifier.Classify(speech.Text, structure);
            var changed = passages.Where((p, i) => !SameLabels(p, labels.Passages[i])).Any();
            list.Add(new Relabelled(speech, labels, passages, changed));
            progress?.Report(new IndexProgress("relabel", list.Count, speeches.Count, speech.FileKey));
        }

        return list;
    }

    private static bool SameLabels(StoredPassage stored, PassageLabels labels) =>
        stored.Themes == string.Join(',', labels.Themes)
        && stored.DirectiveTypes == string.Join(',', labels.DirectiveTypes)
        && StoredStructure.SentenceTypes(stored.Sentences) == string.Join(',', labels.Sentences.Select(s => s.DirectiveType ?? ""));
}
