using System.Text;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    /// <summary>
    /// The term dictionary of the stored segments: each term's id and where its postings lie (segment, offset, document
    /// count). A term's postings are decoded on first use, not at load: most of the dictionary is never searched.
    /// </summary>
    private sealed class PostingsIndex(Dictionary<long, int> termIds, Dictionary<string, int> wordIds, byte[][] blobs, int[] denseByRow,
        int[] segment, int[] offset, int[] docCount, Dictionary<int, List<(int Segment, int Offset, int Docs)>>? more)
    {
        private readonly int[]?[] docs = new int[termIds.Count][];
        private readonly byte[]?[] tfs = new byte[termIds.Count][];

        public Dictionary<long, int> TermIds { get; } = termIds;

        /// <summary>How many terms' postings have been decoded and are kept (for tests and memory checks).</summary>
        public int Decoded => docs.Count(d => d is not null);

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
            var d = Volatile.Read(ref docs[id]);
            if (d is not null)
            {
                return (d, tfs[id]!);
            }

            var (decodedDocs, decodedTfs) = Decode(segment[id], offset[id], docCount[id]);
            if (more is not null && more.TryGetValue(id, out var parts))
            {
                // The term was met in later segments too: they hold larger ids, so concatenate in segment order.
                foreach (var (seg, off, n) in parts)
                {
                    var (moreDocs, moreTfs) = Decode(seg, off, n);
                    decodedDocs = [.. decodedDocs, .. moreDocs];
                    decodedTfs = [.. decodedTfs, .. moreTfs];
                }
            }

            tfs[id] = decodedTfs;
            Volatile.Write(ref docs[id], decodedDocs); // published last: a reader that sees the documents sees the frequencies
            return (decodedDocs, decodedTfs);
        }

        private (int[] Docs, byte[] Tfs) Decode(int seg, int at, int df)
        {
            ReadOnlySpan<byte> data = blobs[seg];
            var decodedDocs = new int[df];
            var decodedTfs = new byte[df];
            var k = 0;
            long doc = 0;
            for (var i = 0; i < df; i++)
            {
                var tf = SegmentReader.NextPosting(data, ref at, ref doc);
                if (doc < denseByRow.Length && denseByRow[doc] >= 0)
                {
                    decodedDocs[k] = denseByRow[doc];
                    decodedTfs[k++] = (byte)Math.Min(tf, 255);
                }
            }

            if (k < df)
            {
                Array.Resize(ref decodedDocs, k);
                Array.Resize(ref decodedTfs, k);
            }

            return (decodedDocs, decodedTfs);
        }
    }

    /// <summary>Reads every segment's term list into the dictionary; postings stay encoded until a term is first used.</summary>
    private static PostingsIndex IndexPostings(List<SegmentData> segments, int[] denseByRow)
    {
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

        return new PostingsIndex(termIds, wordIds, [.. segments.Select(x => x.Postings)], denseByRow,
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
