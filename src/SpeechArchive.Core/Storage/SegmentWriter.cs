using System.Runtime.CompilerServices;
using System.Text;
using SpeechArchive.Analysis;

namespace SpeechArchive.Storage;

/// <summary>
/// Writes one postings segment in the format <see cref="SegmentData"/> describes and <see cref="SegmentReader"/> reads:
/// documents are added in increasing id order with their terms; each term's postings are varint-encoded as they come into
/// its own byte stream (<see cref="PostingSlices"/>), so encoding the segment is a concatenation.
/// </summary>
internal sealed class SegmentWriter
{
    private readonly LongIntMap hanTerms = new();
    private readonly Dictionary<string, int> wordTerms = new(StringComparer.Ordinal);
    private readonly List<long> termKeys = [];      // per term id: the Han key, or -1 for a word
    private readonly List<string?> termWords = [];  // per term id: the word, or null
    private readonly PostingSlices streams = new();  // per term id: its encoded postings
    private long[] termLastDoc = new long[1024];     // per term id: the document of its last posting
    private int[] termDocs = new int[1024];          // per term id: its number of postings
    private long lastDoc = -1;

    public int DocCount { get; private set; }

    /// <summary>Adds a document with its distinct Han terms (as <see cref="TermKey"/>s) and words, each with its frequency.</summary>
    public void Add(long docId, ReadOnlySpan<long> hanKeys, ReadOnlySpan<int> hanFrequencies, IReadOnlyList<string> words, ReadOnlySpan<int> wordFrequencies)
    {
        if (docId <= lastDoc)
        {
            throw new InvalidOperationException("Document ids must increase within a segment.");
        }

        lastDoc = docId;
        DocCount++;
        for (var i = 0; i < hanKeys.Length; i++)
        {
            Append(HanId(hanKeys[i]), docId, hanFrequencies[i]);
        }

        for (var i = 0; i < words.Count; i++)
        {
            Append(WordId(words[i]), docId, wordFrequencies[i]);
        }
    }

    /// <summary>Adds one posting read from an existing segment (merging); ids must increase per term.</summary>
    public void AddPosting(string term, long docId, int frequency)
    {
        var id = TermKey.IsHanText(term) ? HanId(TermKey.FromHanText(term)) : WordId(term);
        Append(id, docId, frequency);
    }

    public void CountDocs(int docs) => DocCount += docs;

    public (byte[] Terms, byte[] Postings) Encode()
    {
        var terms = termKeys.Count;
        var termBlob = new ByteWriter(terms * 8);
        var total = 0L;
        for (var t = 0; t < terms; t++)
        {
            total += streams.Length(t);
        }

        var data = new byte[total];
        var at = 0;
        termBlob.WriteVarint((ulong)terms);
        Span<byte> utf8 = stackalloc byte[256];
        for (var t = 0; t < terms; t++)
        {
            var text = termWords[t] ?? TermKey.HanText(termKeys[t]);
            var length = text.Length * 3 <= utf8.Length ? Encoding.UTF8.GetBytes(text, utf8) : -1;
            var bytes = length >= 0 ? utf8[..length] : Encoding.UTF8.GetBytes(text);
            termBlob.WriteVarint((ulong)bytes.Length);
            termBlob.Write(bytes);
            termBlob.WriteVarint((ulong)at);
            termBlob.WriteVarint((ulong)termDocs[t]);
            var n = streams.Length(t);
            streams.CopyTo(t, data.AsSpan(at, n));
            at += n;
        }

        return (termBlob.ToArray(), data);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HanId(long key)
    {
        var id = hanTerms.GetOrAdd(key, termKeys.Count, out var added);
        if (added)
        {
            NewTerm(key, null);
        }

        return id;
    }

    private int WordId(string word)
    {
        if (!wordTerms.TryGetValue(word, out var id))
        {
            id = termKeys.Count;
            wordTerms[word] = id;
            NewTerm(-1, word);
        }

        return id;
    }

    /// <summary>Appends one posting to a term's stream: the document delta with a frequency of 1 folded into its low bit.</summary>
    private void Append(int term, long doc, int frequency)
    {
        var delta = (ulong)(doc - termLastDoc[term]) << 1;
        if (frequency == 1)
        {
            streams.WriteVarint(term, delta | 1); // most postings
        }
        else
        {
            streams.WriteVarint(term, delta);
            streams.WriteVarint(term, (ulong)frequency);
        }

        termLastDoc[term] = doc;
        termDocs[term]++;
    }

    /// <summary>Registers a new term id (its stream and counters).</summary>
    private void NewTerm(long key, string? word)
    {
        termKeys.Add(key);
        termWords.Add(word);
        streams.Open();
        if (termKeys.Count > termDocs.Length)
        {
            Array.Resize(ref termDocs, termDocs.Length * 2);
            Array.Resize(ref termLastDoc, termLastDoc.Length * 2);
        }
    }
}
