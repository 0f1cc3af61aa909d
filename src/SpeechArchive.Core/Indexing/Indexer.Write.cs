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

    private static void Write(IndexStore store, bool rebuild, Dictionary<string, StoredSpeech> existing, List<PreparedSpeech> prepared,
        List<StoredSpeech> removed, List<Relabelled> relabels, Taxonomy taxonomy, string fingerprint, Action<string> lap)
    {
        store.BeginTransaction();
        try
        {
            if (rebuild)
            {
                store.Clear();
            }

            foreach (var speech in removed)
            {
                store.DeleteSpeech(speech.RowId);
            }

            var takenIds = rebuild
                ? new HashSet<string>(StringComparer.Ordinal)
                : store.ReadSpeeches(withText: false).Select(s => s.PublicId).ToHashSet(StringComparer.Ordinal);
            var postings = new SegmentBuilder();
            var nextPassageId = rebuild ? 1 : long.Parse(store.GetMeta("next_passage_id") ?? "1", CultureInfo.InvariantCulture);
            var now = DateTime.UtcNow.ToString("O");
            foreach (var item in prepared)
            {
                string? publicId = null;
                if (!rebuild && existing.TryGetValue(item.Document.Key, out var old))
                {
                    store.DeleteSpeech(old.RowId);
                    publicId = old.PublicId;
                    takenIds.Remove(old.PublicId);
                }

                publicId ??= UniqueId(item.Document.Id, takenIds);
                takenIds.Add(publicId);
                InsertSpeech(store, item, publicId, fingerprint, now, postings, ref nextPassageId);
            }

            store.SetMeta("next_passage_id", nextPassageId.ToString(CultureInfo.InvariantCulture));

            foreach (var r in relabels.Where(r => r.Changed))
            {
                for (var i = 0; i < r.Passages.Count; i++)
                {
                    var p = r.Passages[i];
                    var l = r.Labels.Passages[i];
                    var passage = StoredStructure.Rebuild(r.Speech, [], [p]).Passages[0];
                    store.UpdatePassageLabels(p.RowId, string.Join(',', l.Themes), string.Join(',', l.DirectiveTypes), StoredStructure.Sentences(passage, l));
                }
            }

            foreach (var r in relabels)
            {
                store.UpdateSpeechLabels(r.Speech.RowId, fingerprint, JsonSerializer.Serialize(r.Labels.ThemeShares, JsonDefaults.Options));
            }

            lap("rows");
            if (postings.DocCount > 0)
            {
                var (terms, data) = postings.Encode();
                lap("encode");
                store.InsertSegment(postings.DocCount, terms, data);
            }

            MergeSegmentsIfNeeded(store);
            lap("segments");
            store.SetMeta("pipeline_version", PipelineVersion);
            store.SetMeta("labels_fingerprint", fingerprint);
            store.SetMeta("taxonomy_yaml", taxonomy.Yaml);
            store.SetMeta("themes", JsonSerializer.Serialize(taxonomy.Themes.Select(t => new LabelInfo(t.Id, t.Label)), JsonDefaults.Options));
            store.SetMeta("directive_types", JsonSerializer.Serialize(taxonomy.DirectiveTypes.Select(t => new LabelInfo(t.Id, t.Label)), JsonDefaults.Options));
            store.BumpGeneration();
        }
        catch
        {
            store.Rollback();
            throw;
        }
    }

    private static void InsertSpeech(IndexStore store, PreparedSpeech item, string publicId, string fingerprint, string now, SegmentBuilder postings, ref long nextPassageId)
    {
        var doc = item.Document;
        var m = doc.Metadata;
        var s = item.Structure;
        var speechRow = store.InsertSpeech(new StoredSpeech(0, doc.Key, publicId, doc.ContentHash, fingerprint,
            m.Title, m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Year ?? m.Date?.Year, m.Speaker, m.Organization,
            m.Meeting, m.Source, m.Category, m.Tags.Count == 0 ? null : string.Join(',', m.Tags),
            JsonSerializer.Serialize(new { title = m.TitleProvenance, year = m.YearProvenance }, JsonDefaults.Options),
            doc.Warnings.Count == 0 ? null : JsonSerializer.Serialize(doc.Warnings, JsonDefaults.Options),
            s.Title?.Start, s.Title?.End, s.Salutation?.Start, s.Salutation?.End,
            JsonSerializer.Serialize(item.Labels.ThemeShares, JsonDefaults.Options), doc.Text, doc.Markdown, now));

        foreach (var sec in s.Sections)
        {
            store.InsertSection(new StoredSection(speechRow, sec.Ordinal, sec.Level, sec.Label, sec.Heading, sec.HeadingSpan.Start,
                sec.HeadingSpan.End, sec.Span.Start, sec.Span.End, sec.ParentOrdinal));
        }

        foreach (var p in item.Passages)
        {
            var rowId = nextPassageId++;
            store.InsertPassage(new StoredPassage(rowId, speechRow, p.Passage.Ordinal, p.Passage.SectionOrdinal,
                p.Passage.PointLabel, p.Passage.Span.Start, p.Passage.Span.End, p.Themes, p.DirectiveTypes, p.Sentences));
            postings.Add(rowId, p.Terms);
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
        var live = store.CountRows("passages");
        var stored = segments.Sum(s => (long)s.DocCount);
        if (segments.Count <= MaxSegments && (stored == 0 || (double)(stored - live) / stored <= MaxDeadShare))
        {
            return;
        }

        var liveIds = store.ReadPassages().Select(p => p.RowId).ToHashSet();
        var merged = new SegmentBuilder();
        merged.CountDocs((int)live);
        // Collect each term's postings across segments in segment order (ids grow), dropping dead documents.
        var perTerm = new Dictionary<string, List<(long Doc, int Tf)>>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            List<(long, int)>? current = null;
            SegmentReader.Read(segment,
                (term, _) =>
                {
                    if (!perTerm.TryGetValue(term, out current))
                    {
                        current = [];
                        perTerm[term] = current;
                    }
                },
                (doc, tf) =>
                {
                    if (liveIds.Contains(doc))
                    {
                        current!.Add((doc, tf));
                    }
                });
        }

        foreach (var (term, list) in perTerm)
        {
            foreach (var (doc, tf) in list)
            {
                merged.AddPosting(term, doc, tf);
            }
        }

        store.DeleteAllSegments();
        var (terms, data) = merged.Encode();
        store.InsertSegment(merged.DocCount, terms, data);
    }
}
