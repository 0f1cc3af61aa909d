using System.Text;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>
/// Builds one postings segment: documents are added in increasing id order with their term vectors; postings are collected
/// as (term, document, frequency) triples and grouped by term with a counting sort when encoded.
/// </summary>
internal sealed class SegmentBuilder
{
    private readonly LongIntMap hanTerms = new();
    private readonly Dictionary<string, int> wordTerms = new(StringComparer.Ordinal);
    private readonly List<long> termKeys = [];      // per term id: the Han key, or -1 for a word
    private readonly List<string?> termWords = [];  // per term id: the word, or null
    private int[] postingTerm = new int[1 << 16];
    private long[] postingDoc = new long[1 << 16];
    private int[] postingFreq = new int[1 << 16];
    private int postings;
    private long lastDoc = -1;

    public int DocCount { get; private set; }

    public void Add(long docId, TermVector vector)
    {
        if (docId <= lastDoc)
        {
            throw new InvalidOperationException("Document ids must increase within a segment.");
        }

        lastDoc = docId;
        DocCount++;
        for (var i = 0; i < vector.Keys.Length; i++)
        {
            var id = hanTerms.GetOrAdd(vector.Keys[i], termKeys.Count, out var added);
            if (added)
            {
                termKeys.Add(vector.Keys[i]);
                termWords.Add(null);
            }

            Append(id, docId, vector.Frequencies[i]);
        }

        for (var i = 0; i < vector.Words.Length; i++)
        {
            Append(WordId(vector.Words[i]), docId, vector.WordFrequencies[i]);
        }
    }

    /// <summary>Adds one posting read from an existing segment (merging); ids must increase per term.</summary>
    public void AddPosting(string term, long docId, int frequency)
    {
        int id;
        if (TermKey.IsHanText(term))
        {
            var key = TermKey.FromHanText(term);
            id = hanTerms.GetOrAdd(key, termKeys.Count, out var added);
            if (added)
            {
                termKeys.Add(key);
                termWords.Add(null);
            }
        }
        else
        {
            id = WordId(term);
        }

        Append(id, docId, frequency);
    }

    public void CountDocs(int docs) => DocCount += docs;

    public (byte[] Terms, byte[] Postings) Encode()
    {
        var terms = termKeys.Count;
        var start = new int[terms + 1];
        for (var i = 0; i < postings; i++)
        {
            start[postingTerm[i] + 1]++;
        }

        for (var t = 0; t < terms; t++)
        {
            start[t + 1] += start[t];
        }

        var order = new int[postings];
        var fill = (int[])start.Clone();
        for (var i = 0; i < postings; i++)
        {
            order[fill[postingTerm[i]]++] = i; // stable: documents stay in insertion (increasing) order per term
        }

        var termBlob = new ByteWriter(terms * 8);
        var data = new ByteWriter(postings * 3);
        termBlob.WriteVarint((ulong)terms);
        Span<byte> utf8 = stackalloc byte[256];
        for (var t = 0; t < terms; t++)
        {
            var text = termWords[t] ?? TermKey.HanText(termKeys[t]);
            var length = text.Length * 3 <= utf8.Length ? Encoding.UTF8.GetBytes(text, utf8) : -1;
            var bytes = length >= 0 ? utf8[..length] : Encoding.UTF8.GetBytes(text);
            termBlob.WriteVarint((ulong)bytes.Length);
            termBlob.Write(bytes);
            termBlob.WriteVarint((ulong)data.Length);
            termBlob.WriteVarint((ulong)(start[t + 1] - start[t]));
            long previous = 0;
            for (var k = start[t]; k < start[t + 1]; k++)
            {
                var p = order[k];
                var delta = (ulong)(postingDoc[p] - previous) << 1;
                if (postingFreq[p] == 1)
                {
                    data.WriteVarint(delta | 1); // most postings: frequency 1 folded into the delta's low bit
                }
                else
                {
                    data.WriteVarint(delta);
                    data.WriteVarint((ulong)postingFreq[p]);
                }
                previous = postingDoc[p];
            }
        }

        return (termBlob.ToArray(), data.ToArray());
    }

    private int WordId(string word)
    {
        if (!wordTerms.TryGetValue(word, out var id))
        {
            id = termKeys.Count;
            wordTerms[word] = id;
            termKeys.Add(-1);
            termWords.Add(word);
        }

        return id;
    }

    private void Append(int term, long doc, int frequency)
    {
        if (postings == postingTerm.Length)
        {
            Array.Resize(ref postingTerm, postings * 2);
            Array.Resize(ref postingDoc, postings * 2);
            Array.Resize(ref postingFreq, postings * 2);
        }

        postingTerm[postings] = term;
        postingDoc[postings] = doc;
        postingFreq[postings] = frequency;
        postings++;
    }
}
