using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SpeechArchive.Classification;
using SpeechArchive.Search;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

public static partial class Indexer
{
    /// <summary>Merge all segments into one when there are more than this many.</summary>
    private const int MaxSegments = 8;

    /// <summary>Merge when more than this share of stored postings documents are dead (deleted or replaced passages).</summary>
    private const double MaxDeadShare = 0.25;

    /// <summary>
    /// The single writer of a run. It opens the run's one transaction at the first change (at once for a rebuild or when
    /// files were deleted), writes each prepared speech as the workers hand it over, and finishes with labels, the postings
    /// segment and the meta rows; the caller commits.
    /// </summary>
    /// <param name="keptIds">On a rebuild, the id each file still in the corpus had in the index rebuilt, which it keeps.</param>
    private sealed class RunWriter(IndexStore store, bool rebuild, Dictionary<string, StoredSpeech> existing, Dictionary<string, string> keptIds,
        List<StoredSpeech> removed, string fingerprint, IProgress<IndexProgress>? progress)
    {
        /// <summary>The run's postings, until they are written (then dropped: the writer stays reachable through the vector stage).</summary>
        private SegmentWriter? postings = new();
        private readonly string now = DateTime.UtcNow.ToString("O");
        private HashSet<string> takenIds = [.. keptIds.Values]; // a new file's id never takes one a file keeps
        private long nextPassageId = 1;
        private long busyTicks;
        private long postingTicks;
        private bool began;

        private SegmentWriter Postings => postings ?? throw new InvalidOperationException("the run's postings were written already");

        /// <summary>Seconds spent writing rows and adding postings (the rest of the writer's time it waits for the workers).</summary>
        public double RowSeconds => Stopwatch.GetElapsedTime(0, busyTicks).TotalSeconds;

        /// <summary>The part of <see cref="RowSeconds"/> spent adding term vectors to the postings segment.</summary>
        public double PostingSeconds => Stopwatch.GetElapsedTime(0, postingTicks).TotalSeconds;

        public void Begin()
        {
            if (began)
            {
                return;
            }

            store.BeginTransaction();
            began = true;
            progress?.Report(new IndexProgress("commit", 0, 1));
            if (rebuild)
            {
                store.Clear();
            }

            foreach (var speech in removed)
            {
                store.DeleteSpeech(speech.RowId);
            }

            if (!rebuild)
            {
                takenIds = store.ReadSpeeches(withText: false).Select(s => s.PublicId).ToHashSet(StringComparer.Ordinal);
                nextPassageId = long.Parse(store.GetMeta(MetaKey.NextPassageId) ?? "1", CultureInfo.InvariantCulture);
            }
        }

        /// <summary>Replaces (or adds) the rows of one speech and adds its passages to the run's postings segment.</summary>
        public void Add(PreparedSpeech item, string? stamp)
        {
            Begin();
            var start = Stopwatch.GetTimestamp();
            string? publicId = null;
            if (!rebuild && existing.TryGetValue(item.Document.Key, out var old))
            {
                store.DeleteSpeech(old.RowId);
                publicId = old.PublicId;
                takenIds.Remove(old.PublicId);
            }
            else if (keptIds.TryGetValue(item.Document.Key, out var kept))
            {
                publicId = kept;
            }

            publicId ??= UniqueId(item.Document.Id, takenIds);
            takenIds.Add(publicId);
            InsertSpeech(item, publicId, stamp);
            busyTicks += Stopwatch.GetTimestamp() - start;
        }

        /// <summary>Writes everything after the speeches: relabels, refreshed stamps, the segment (merging if due) and meta.</summary>
        public void Finish(List<Relabelled> relabels, List<(long RowId, string Stamp)> stamps, Taxonomy taxonomy, Action<string> lap)
        {
            Begin();
            store.SetMeta(MetaKey.NextPassageId, nextPassageId.ToString(CultureInfo.InvariantCulture));
            foreach (var p in relabels.Where(r => r.Changed).SelectMany(r => r.Passages))
            {
                store.UpdatePassageLabels(p.RowId, p.Themes, p.DirectiveTypes, p.Sentences);
            }

            foreach (var r in relabels)
            {
                store.UpdateSpeechLabels(r.Speech.RowId, fingerprint, r.Labels.ThemeShares);
            }

            foreach (var (rowId, stamp) in stamps)
            {
                store.UpdateSourceStamp(rowId, stamp);
            }

            lap("labels");
            if (Postings.DocCount > 0)
            {
                var (terms, data) = Postings.Encode();
                lap("encode");
                store.InsertSegment(Postings.DocCount, terms, data);
            }

            postings = null;

            MergeSegmentsIfNeeded(store);
            lap("segments");
            store.SetMeta(MetaKey.PipelineVersion, PipelineVersion);
            store.SetMeta(MetaKey.LabelsFingerprint, fingerprint);
            store.SetMeta(MetaKey.TaxonomyYaml, taxonomy.Yaml);
            store.SetMeta(MetaKey.Themes, JsonSerializer.Serialize(taxonomy.Themes.Select(t => new LabelInfo(t.Id, t.Label)), JsonDefaults.Options));
            store.SetMeta(MetaKey.DirectiveTypes, JsonSerializer.Serialize(taxonomy.DirectiveTypes.Select(t => new LabelInfo(t.Id, t.Label)), JsonDefaults.Options));
            store.BumpGeneration();
        }

        public void Rollback()
        {
            if (began)
            {
                began = false;
                store.Rollback();
            }
        }

        private void InsertSpeech(PreparedSpeech item, string publicId, string? stamp)
        {
            var doc = item.Document;
            var m = doc.Metadata;
            var s = item.Structure;
            var speechRow = store.InsertSpeech(new StoredSpeech(
                RowId: 0, FileKey: doc.Key, PublicId: publicId, ContentHash: doc.ContentHash, LabelsFingerprint: fingerprint,
                Metadata: doc.Metadata, Warnings: doc.Warnings, Title: s.Title, Salutation: s.Salutation,
                ThemeShares: item.Labels.ThemeShares, Text: doc.Text, Markdown: doc.Markdown, IndexedAt: now, SourceStamp: stamp));

            foreach (var sec in s.Sections)
            {
                store.InsertSection(new StoredSection(speechRow, sec.Ordinal, sec.Level, sec.Label, sec.Heading, sec.HeadingSpan.Start,
                    sec.HeadingSpan.End, sec.Span.Start, sec.Span.End, sec.ParentOrdinal));
            }

            foreach (var p in item.Passages)
            {
                var rowId = nextPassageId++;
                store.InsertPassage(new StoredPassage(rowId, speechRow, p.Passage.Ordinal, p.Passage.SectionOrdinal,
                    p.Passage.PointLabel, p.Passage.Span.Start, p.Passage.Span.End, p.Themes, p.DirectiveTypes, p.Sentences, p.MatchLength));
            }

            var start = Stopwatch.GetTimestamp();
            var firstId = nextPassageId - item.Passages.Count;
            for (var i = 0; i < item.Passages.Count; i++)
            {
                var terms = item.Passages[i].Terms;
                Postings.Add(firstId + i, terms.Keys, terms.Frequencies, terms.Words, terms.WordFrequencies);
            }

            postingTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    private static string UniqueId(string id, HashSet<string> taken)
    {
        if (!taken.Contains(id))
        {
            return id;
        }

        for (var n = 2; ; n++)
        {
            var candidate = id + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static void MergeSegmentsIfNeeded(IndexStore store)
    {
        var segments = store.ReadSegments();
        var live = store.CountPassages();
        var stored = segments.Sum(s => (long)s.DocCount);
        if (segments.Count <= MaxSegments && (stored == 0 || (double)(stored - live) / stored <= MaxDeadShare))
        {
            return;
        }

        var liveIds = store.ReadPassageIds();
        var merged = new SegmentWriter();
        merged.CountDocs((int)live);
        // Segments in order hold each term's postings in increasing document ids (passage ids are never reused), so the
        // live postings go straight into the merged segment.
        foreach (var segment in segments)
        {
            var term = "";
            SegmentReader.Read(segment,
                (t, _) => term = t,
                (doc, tf) =>
                {
                    if (liveIds.Contains(doc))
                    {
                        merged.AddPosting(term, doc, tf);
                    }
                });
        }

        store.DeleteAllSegments();
        var (terms, data) = merged.Encode();
        store.InsertSegment(merged.DocCount, terms, data);
    }
}
