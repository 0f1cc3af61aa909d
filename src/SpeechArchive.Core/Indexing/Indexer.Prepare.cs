using System.Diagnostics;
using System.Text.Json;
using SpeechArchive.Classification;
using SpeechArchive.Documents;
using SpeechArchive.Storage;
using SpeechArchive.Structure;

namespace SpeechArchive.Indexing;

public static partial class Indexer
{
    /// <summary>From this many characters on, a file's parse is reported as it starts, not only as it ends.</summary>
    internal const int ReportedParseFrom = 100_000;

    private enum OutcomeKind
    {
        Unchanged,
        Prepared,
        ReadFailed,
        ParseFailed,
    }

    /// <summary>What became of one corpus file in the workers: unchanged (read or not), ready to write, or failed.</summary>
    private sealed record FileOutcome(OutcomeKind Kind, string Key, StoredSpeech? Old, string? Stamp)
    {
        public PreparedSpeech? Prepared { get; init; }
        public string? Reason { get; init; }
        public IReadOnlyList<string> Warnings { get; init; } = [];
        public long Characters { get; init; }
    }

    /// <summary>An unchanged speech labelled again: its new labels and its passage rows with their new label columns.</summary>
    private sealed record Relabelled(StoredSpeech Speech, SpeechLabels Labels, List<StoredPassage> Passages, bool Changed);

    /// <summary>
    /// The per-file work of a run, done by the workers in parallel: skip a file whose stamp is unchanged, else read it, and
    /// parse, label and analyze it when its content hash is new. Keeps the busy time of each step, summed over workers.
    /// </summary>
    private sealed class FileWork(
        IReadOnlyList<CorpusFile> files, MetadataTable?[] tables, Dictionary<string, StoredSpeech> existing, DateTime scannedUtc,
        SpeechClassifier classifier, IProgress<IndexProgress>? progress)
    {
        private readonly DocumentReader reader = new();
        private long readTicks;
        private long parseTicks;
        private int read;
        private int parsed;

        public double ReadSeconds => Stopwatch.GetElapsedTime(0, readTicks).TotalSeconds;

        public double ParseSeconds => Stopwatch.GetElapsedTime(0, parseTicks).TotalSeconds;

        public FileOutcome Process(int i)
        {
            var start = Stopwatch.GetTimestamp();
            var file = files[i];
            existing.TryGetValue(file.Key, out var old);
            var stamp = SourceStamp.Of(file, tables[i], scannedUtc);
            FileOutcome outcome;
            if (old is not null && stamp is not null && old.SourceStamp == stamp)
            {
                outcome = new FileOutcome(OutcomeKind.Unchanged, file.Key, old, stamp) { Warnings = old.Warnings };
                Done(start, ref readTicks, ref read, "read", 64, file.Key);
                Done(Stopwatch.GetTimestamp(), ref parseTicks, ref parsed, "parse", 32, file.Key);
                return outcome;
            }

            var result = reader.Read(file, tables[i]);
            Done(start, ref readTicks, ref read, "read", 64, file.Key);
            start = Stopwatch.GetTimestamp();
            if (result.Document is not { } doc)
            {
                outcome = new FileOutcome(OutcomeKind.ReadFailed, file.Key, old, stamp) { Reason = result.Reason ?? "unreadable" };
            }
            else if (old is not null && old.ContentHash == doc.ContentHash)
            {
                outcome = new FileOutcome(OutcomeKind.Unchanged, file.Key, old, stamp) { Warnings = doc.Warnings, Characters = doc.Text.Length };
            }
            else
            {
                if (doc.Text.Length >= ReportedParseFrom)
                {
                    // Parsing a large file takes a while: say which, or the status would still show the reading done.
                    progress?.Report(new IndexProgress("parse", Volatile.Read(ref parsed), files.Count, file.Key));
                }

                outcome = Prepare(doc, old, stamp);
            }

            Done(start, ref parseTicks, ref parsed, "parse", 32, file.Key);
            return outcome;
        }

        private FileOutcome Prepare(SourceDocument doc, StoredSpeech? old, string? stamp)
        {
            try
            {
                var structure = SpeechParser.Parse(doc.Text, new SpeechParseOptions { KnownTitle = doc.Metadata.TitleAsGiven ?? doc.Metadata.Title, Headings = doc.Headings });
                var labels = classifier.Classify(doc.Text, structure);
                var prepared = new PreparedSpeech(doc, structure, labels, PreparePassages(doc.Text, structure, labels));
                return new FileOutcome(OutcomeKind.Prepared, doc.Key, old, stamp) { Prepared = prepared, Warnings = doc.Warnings, Characters = doc.Text.Length };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new FileOutcome(OutcomeKind.ParseFailed, doc.Key, old, stamp)
                {
                    Reason = $"could not be parsed or labelled: {e.Message}",
                    Warnings = doc.Warnings,
                    Characters = doc.Text.Length,
                };
            }
        }

        private void Done(long start, ref long ticks, ref int count, string stage, int every, string key)
        {
            Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - start);
            var n = Interlocked.Increment(ref count);
            if (n % every == 0 || n == files.Count)
            {
                progress?.Report(new IndexProgress(stage, n, files.Count, key));
            }
        }
    }

    private static List<PreparedPassage> PreparePassages(string text, SpeechStructure structure, SpeechLabels labels)
    {
        var list = new List<PreparedPassage>(structure.Passages.Count);
        for (var i = 0; i < structure.Passages.Count; i++)
        {
            var p = structure.Passages[i];
            var (themes, directiveTypes, sentences) = LabelColumns(p, labels.Passages[i]);
            list.Add(new PreparedPassage(p, themes, directiveTypes, sentences,
                TermVector.Build(text, p.Span.Start, p.Span.End), Analysis.MatchText.Length(text, p.Span.Start, p.Span.End)));
        }

        return list;
    }

    /// <summary>The stored label columns of a passage: its themes, its directive types, and its sentences with their types.</summary>
    private static (string Themes, string DirectiveTypes, string Sentences) LabelColumns(Passage passage, PassageLabels labels) =>
        (string.Join(',', labels.Themes), string.Join(',', labels.DirectiveTypes), StoredStructure.Sentences(passage, labels));

    private static List<Relabelled> Relabel(IndexStore store, List<StoredSpeech> speeches, SpeechClassifier classifier,
        IProgress<IndexProgress>? progress, CancellationToken cancellation)
    {
        var list = new List<Relabelled>();
        foreach (var old in speeches)
        {
            cancellation.ThrowIfCancellationRequested();
            var speech = store.ReadSpeech(old.RowId);
            var passages = store.ReadPassages(old.RowId);
            var sections = store.ReadSections(old.RowId);
            var structure = StoredStructure.Rebuild(speech, sections, passages);
            var labels = classifier.Classify(speech.Text, structure);
            var relabelled = passages.Select((p, i) =>
            {
                var (themes, directiveTypes, sentences) = LabelColumns(structure.Passages[i], labels.Passages[i]);
                return p with { Themes = themes, DirectiveTypes = directiveTypes, Sentences = sentences };
            }).ToList();
            var changed = !relabelled.SequenceEqual(passages);
            list.Add(new Relabelled(speech, labels, relabelled, changed));
            progress?.Report(new IndexProgress("relabel", list.Count, speeches.Count, speech.FileKey));
        }

        return list;
    }
}
