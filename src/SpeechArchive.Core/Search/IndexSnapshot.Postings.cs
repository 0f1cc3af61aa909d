using System.Text;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    /// <summary>
    /// The term dictionary of the stored segments: each term's id and where its postings lie (segment, offset, document
    /// count). The postings stay encoded in the mapped segments (<see cref="SegmentPostingsFile"/>); a term's list is decoded
    /// when a search needs it, straight into its final arrays, and kept in a bounded cache of decoded lists (the least
    /// recently used dropped beyond <see cref="DecodedBudget"/> postings), so memory does not grow with the terms searched.
    /// </summary>
    private sealed class PostingsIndex(Dictionary<long, int> termIds, Dictionary<string, int> wordIds, SegmentPostingsFile blobs, int[] denseByRow,
        int[] segment, int[] offset, int[] docCount, Dictionary<int, List<(int Segment, int Offset, int Docs)>>? more)
    {
        /// <summary>Decoded postings kept at most (five bytes each: the passage and its frequency), beside the list in use.</summary>
        public long DecodedBudget { get; set; } = 24_000_000;

        /// <summary>How many decoded postings are kept now.</summary>
        public long DecodedPostings
        {
            get
            {
                lock (decoded)
                {
                    return decodedPostings;
                }
            }
        }

        private readonly Dictionary<int, (int[] Docs, byte[] Tfs, long Used)> decoded = [];
        private long decodedPostings;
        private long clock;

        public Dictionary<long, int> TermIds { get; } = termIds;

        /// <summary>How many terms' postings are decoded and kept now (for tests and memory checks).</summary>
        public int Decoded
        {
            get
            {
                lock (decoded)
                {
                    return decoded.Count;
                }
            }
        }

        /// <summary>Whether the postings are mapped from a file rather than held in the managed heap.</summary>
        public bool Mapped => blobs.Mapped;

        public Dictionary<string, int> WordIds { get; } = wordIds;

        /// <summary>
        /// How many passages the segments list for term <paramref name="id"/>, read from the dictionary without decoding its
        /// postings; passages deleted since their segment was written still count until a merge drops them (as Lucene's docFreq).
        /// </summary>
        public int DocFrequency(int id) =>
            docCount[id] + (more is not null && more.TryGetValue(id, out var parts) ? parts.Sum(p => p.Docs) : 0);

        /// <summary>The dense passage ids and frequencies of term <paramref name="id"/>, dead documents dropped.</summary>
        public (int[] Docs, byte[] Tfs) Get(int id)
        {
            lock (decoded)
            {
                if (decoded.TryGetValue(id, out var kept))
                {
                    decoded[id] = (kept.Docs, kept.Tfs, ++clock);
                    return (kept.Docs, kept.Tfs);
                }
            }

            var df = DocFrequency(id);
            var docs = new int[df];
            var tfs = new byte[df];
            var k = Decode(segment[id], offset[id], docCount[id], docs, tfs, 0);
            if (more is not null && more.TryGetValue(id, out var parts))
            {
                // The term was met in later segments too: they hold larger ids, so they follow in segment order.
                foreach (var (seg, off, n) in parts)
                {
                    k = Decode(seg, off, n, docs, tfs, k);
                }
            }

            if (k < df)
            {
                Array.Resize(ref docs, k);
                Array.Resize(ref tfs, k);
            }

            Keep(id, docs, tfs);
            return (docs, tfs);
        }

        private void Keep(int id, int[] docs, byte[] tfs)
        {
            lock (decoded)
            {
                if (decoded.TryAdd(id, (docs, tfs, ++clock)))
                {
                    decodedPostings += docs.Length;
                }

                if (decodedPostings <= DecodedBudget)
                {
                    return;
                }

                // Over the budget: drop the least recently used lists down to three quarters of it.
                foreach (var (old, entry) in decoded.OrderBy(e => e.Value.Used).ToList())
                {
                    if (decodedPostings <= DecodedBudget * 3 / 4 || old == id)
                    {
                        break;
                    }

                    decoded.Remove(old);
                    decodedPostings -= entry.Docs.Length;
                }
            }
        }

        /// <summary>Decodes <paramref name="df"/> postings of segment <paramref name="seg"/> into the arrays from <paramref name="k"/>; returns the new end.</summary>
        private int Decode(int seg, int at, int df, int[] docs, byte[] tfs, int k)
        {
            var data = blobs.Postings(seg);
            long doc = 0;
            for (var i = 0; i < df; i++)
            {
                var tf = SegmentReader.NextPosting(data, ref at, ref doc);
                if (doc < denseByRow.Length && denseByRow[doc] >= 0)
                {
                    docs[k] = denseByRow[doc];
                    tfs[k++] = (byte)Math.Min(tf, 255);
                }
            }

            GC.KeepAlive(blobs); // the span reads its mapping
            return k;
        }
    }

    /// <summary>Whether the snapshot's postings are mapped from a file (<see cref="SegmentPostingsFile"/>) rather than held in the managed heap.</summary>
    internal bool PostingsMapped => postings.Mapped;

    /// <summary>Decoded postings kept at most by this snapshot (24 M: some 120 MB); lowered in tests.</summary>
    internal long DecodedBudget
    {
        get => postings.DecodedBudget;
        set => postings.DecodedBudget = value;
    }

    /// <summary>How many decoded postings this snapshot keeps now.</summary>
    internal long DecodedPostings => postings.DecodedPostings;

    /// <summary>Reads every segment's term list into the dictionary; postings stay encoded until a term is first used.</summary>
    private static PostingsIndex IndexPostings(SegmentPostingsFile postings, int[] denseByRow)
    {
        var segments = postings.Segments;
        var termIds = new Dictionary<long, int>();
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var segmentOf = new List<int>();
        var offsetOf = new List<int>();
        var docsOf = new List<int>();
        Dictionary<int, List<(int, int, int)>>? more = null;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            ReadOnlySpan<byte> terms = segment.Terms;
            var at = 0;
            var count = SegmentReader.TermCount(terms, ref at);
            for (var t = 0; t < count; t++)
            {
                var (start, length, p, df) = SegmentReader.NextTerm(terms, ref at, segment.Id);
                var id = TermIdOf(terms.Slice(start, length), termIds, wordIds);
                if (id == segmentOf.Count)
                {
                    segmentOf.Add(s);
                    offsetOf.Add(p);
                    docsOf.Add(df);
                }
                else
                {
                    more ??= [];
                    if (!more.TryGetValue(id, out var list))
                    {
                        list = [];
                        more[id] = list;
                    }

                    list.Add((s, p, df));
                }
            }
        }

        return new PostingsIndex(termIds, wordIds, postings, denseByRow,
            [.. segmentOf], [.. offsetOf], [.. docsOf], more);
    }

    private static int TermIdOf(ReadOnlySpan<byte> utf8, Dictionary<long, int> termIds, Dictionary<string, int> wordIds)
    {
        long key;
        Span<char> chars = stackalloc char[utf8.Length];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..n];
        if (n is 1 or 2 && TextNormalizer.KindOf(text[0]) == CharKind.Cjk && (n == 1 || TextNormalizer.KindOf(text[1]) == CharKind.Cjk))
        {
            key = n == 1 ? TermKey.Unigram(text[0]) : TermKey.Bigram(text[0], text[1]);
        }
        else
        {
            var word = new string(text);
            if (!wordIds.TryGetValue(word, out var w))
            {
                w = wordIds.Count;
                wordIds[word] = w;
            }

            key = TermKey.Word(w);
        }

        if (!termIds.TryGetValue(key, out var id))
        {
            id = termIds.Count;
            termIds[key] = id;
        }

        return id;
    }
}
