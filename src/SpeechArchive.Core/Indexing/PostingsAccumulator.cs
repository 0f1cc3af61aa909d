using System.Text;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>Collects postings (document id, term frequency) for the passages of one indexing run, then encodes a segment.</summary>
internal sealed class PostingsAccumulator
{
    private readonly Dictionary<long, PostingBuffer> postings = [];
    private readonly Dictionary<string, int> wordIds = new(StringComparer.Ordinal);
    private readonly List<string> words = [];
    private readonly Dictionary<long, int> local = [];
    private long lastDoc = -1;

    public int DocCount { get; private set; }

    /// <summary>Adds one passage, text[start..end), as document <paramref name="docId"/>; ids must increase.</summary>
    public void Add(long docId, string text, int start, int end)
    {
        if (docId <= lastDoc)
        {
            throw new InvalidOperationException("Document ids must increase within a segment.");
        }

        lastDoc = docId;
        local.Clear();
        var sink = new Sink(this, text);
        ChineseAnalyzer.Analyze(text, start, end, ref sink);
        foreach (var (key, tf) in local)
        {
            if (!postings.TryGetValue(key, out var buffer))
            {
                buffer = new PostingBuffer();
                postings[key] = buffer;
            }

            buffer.Add(docId, tf);
        }

        DocCount++;
    }

    /// <summary>Adds postings decoded from an existing segment (for merging): the caller guarantees increasing ids per term.</summary>
    public void AddPosting(string term, long docId, int tf)
    {
        var key = KeyOf(term);
        if (!postings.TryGetValue(key, out var buffer))
        {
            buffer = new PostingBuffer();
            postings[key] = buffer;
        }

        buffer.Add(docId, tf);
    }

    public void CountDocs(int docs) => DocCount += docs;

    public (byte[] Terms, byte[] Postings) Encode()
    {
        var terms = new List<byte>(postings.Count * 8);
        var data = new List<byte>(postings.Count * 16);
        Varint.Write(terms, (ulong)postings.Count);
        foreach (var (key, buffer) in postings)
        {
            var text = TermKey.IsWord(key) ? words[(int)(key - TermKey.WordBase)] : TermKey.HanText(key);
            var bytes = Encoding.UTF8.GetBytes(text);
            Varint.Write(terms, (ulong)bytes.Length);
            terms.AddRange(bytes);
            Varint.Write(terms, (ulong)data.Count);
            Varint.Write(terms, (ulong)buffer.Count);
            buffer.Encode(data);
        }

        return (terms.ToArray(), data.ToArray());
    }

    private long KeyOf(string term)
    {
        if (TermKey.IsHanText(term))
        {
            return TermKey.FromHanText(term);
        }

        if (!wordIds.TryGetValue(term, out var id))
        {
            id = words.Count;
            words.Add(term);
            wordIds[term] = id;
        }

        return TermKey.Word(id);
    }

    private void Count(long key) => local[key] = local.TryGetValue(key, out var n) ? n + 1 : 1;

    private readonly struct Sink(PostingsAccumulator owner, string text) : ITokenSink
    {
        public void Bigram(char first, char second, int start, int end) => owner.Count(TermKey.Bigram(first, second));

        public void Unigram(char single, int start) => owner.Count(TermKey.Unigram(single));

        public void Word(int start, int end) => owner.Count(owner.KeyOf(TextNormalizer.Fold(text[start..end])));
    }

    private sealed class PostingBuffer
    {
        private long[] docs = new long[2];
        private int[] tfs = new int[2];

        public int Count { get; private set; }

        public void Add(long doc, int tf)
        {
            if (Count == docs.Length)
            {
                Array.Resize(ref docs, Count * 2);
                Array.Resize(ref tfs, Count * 2);
            }

            docs[Count] = doc;
            tfs[Count] = tf;
            Count++;
        }

        public void Encode(List<byte> output)
        {
            long previous = 0;
            for (var i = 0; i < Count; i++)
            {
                Varint.Write(output, (ulong)(docs[i] - previous));
                Varint.Write(output, (ulong)tfs[i]);
                previous = docs[i];
            }
        }
    }
}
