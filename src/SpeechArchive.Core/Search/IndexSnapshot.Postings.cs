using System.Text;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    private sealed record DecodedPostings(Dictionary<long, int> TermIds, Dictionary<string, int> WordIds, int[][] Docs, byte[][] Tfs);

    private void UsePostings(DecodedPostings decoded)
    {
        termIds = decoded.TermIds;
        wordIds = decoded.WordIds;
        postingDocs = decoded.Docs;
        postingTfs = decoded.Tfs;
    }

    /// <summary>Decodes every segment's postings into per-term arrays of dense passage ids, dropping dead documents.</summary>
    private static DecodedPostings DecodePostings(List<SegmentData> segments, int[] denseByRow)
    {
        var termIds = new Dictionary<long, int>();
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var docsByTerm = new List<int[]>();
        var tfsByTerm = new List<byte[]>();
        Dictionary<int, List<(int[] Docs, byte[] Tfs)>>? extra = null;
        foreach (var segment in segments)
        {
            ReadOnlySpan<byte> terms = segment.Terms;
            ReadOnlySpan<byte> data = segment.Postings;
            var at = 0;
            var count = SegmentReader.TermCount(terms, ref at);
            for (var t = 0; t < count; t++)
            {
                var (start, length, p, df) = SegmentReader.NextTerm(terms, ref at, segment.Id);
                var id = TermIdOf(terms.Slice(start, length), termIds, wordIds);
                var docs = new int[df];
                var tfs = new byte[df];
                var k = 0;
                long doc = 0;
                for (var i = 0; i < df; i++)
                {
                    var tf = SegmentReader.NextPosting(data, ref p, ref doc);
                    if (doc < denseByRow.Length && denseByRow[doc] >= 0)
                    {
                        docs[k] = denseByRow[doc];
                        tfs[k++] = (byte)Math.Min(tf, 255);
                    }
                }

                if (k < df)
                {
                    Array.Resize(ref docs, k);
                    Array.Resize(ref tfs, k);
                }

                if (id == docsByTerm.Count)
                {
                    docsByTerm.Add(docs);
                    tfsByTerm.Add(tfs);
                }
                else
                {
                    // The term was met in an earlier segment: later segments hold larger ids, so append.
                    extra ??= [];
                    if (!extra.TryGetValue(id, out var list))
                    {
                        list = [(docsByTerm[id], tfsByTerm[id])];
                        extra[id] = list;
                    }

                    list.Add((docs, tfs));
                }
            }
        }

        foreach (var (id, list) in extra ?? [])
        {
            docsByTerm[id] = list.SelectMany(c => c.Docs).ToArray();
            tfsByTerm[id] = list.SelectMany(c => c.Tfs).ToArray();
        }

        return new DecodedPostings(termIds, wordIds, [.. docsByTerm], [.. tfsByTerm]);
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
