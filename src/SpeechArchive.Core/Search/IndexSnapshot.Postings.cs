using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    /// <summary>
    /// The term dictionary of the stored segments (<see cref="TermDictionary"/>: each term's id and where its postings lie,
    /// mapped from the generation's file) over their postings. The postings stay encoded in the mapped segments
    /// (<see cref="SegmentPostingsFile"/>); a term's list is decoded when a search needs it, straight into its final arrays,
    /// and kept in a bounded cache of decoded lists (the least recently used dropped beyond <see cref="DecodedBudget"/>
    /// postings), so memory does not grow with the terms searched.
    /// </summary>
    private sealed class PostingsIndex(TermDictionary terms, SegmentPostingsFile blobs, int[] denseByRow)
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
        private readonly SingleFlight<int, (int[] Docs, byte[] Tfs)> decoding = new();
        private long decodedPostings;
        private long clock;

        /// <summary>The terms: each one's id by its key, and where its postings lie.</summary>
        public TermDictionary Terms { get; } = terms;

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

        /// <summary>
        /// How many passages the segments list for term <paramref name="id"/>, read from the dictionary without decoding its
        /// postings; passages deleted since their segment was written still count until a merge drops them (as Lucene's docFreq).
        /// </summary>
        public int DocFrequency(int id) => Terms.DocFrequency(id);

        /// <summary>The dense passage ids and frequencies of term <paramref name="id"/>, dead documents dropped.</summary>
        public (int[] Docs, byte[] Tfs) Get(int id) =>
            Kept(id) ?? decoding.Run(id, () => Kept(id) ?? Decode(id)); // a list decoded once for searches asking at once

        private (int[] Docs, byte[] Tfs)? Kept(int id)
        {
            lock (decoded)
            {
                if (decoded.TryGetValue(id, out var kept))
                {
                    decoded[id] = (kept.Docs, kept.Tfs, ++clock);
                    return (kept.Docs, kept.Tfs);
                }
            }

            return null;
        }

        private (int[] Docs, byte[] Tfs) Decode(int id)
        {
            var df = DocFrequency(id);
            var docs = new int[df];
            var tfs = new byte[df];
            var k = 0;
            foreach (var part in Terms.PartsOf(id))
            {
                // A term met in several segments: later ones hold larger ids, so the parts follow in segment order.
                k = Decode(part.Segment, part.Offset, part.Docs, docs, tfs, k);
            }

            Terms.KeepAlive();

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
}
