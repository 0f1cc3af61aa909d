using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Tests.Storage;

/// <summary>A written segment reads back as exactly the postings added: every term, in order, with its frequencies.</summary>
public sealed class SegmentCodecTests
{
    [Theory]
    [InlineData(50, 20, 1)]         // few terms, short chains
    [InlineData(3000, 400, 2)]      // a term in every document: its stream crosses every slice level
    [InlineData(20000, 3000, 3)]    // thousands of terms: the arena spills over several pages
    public void WhenEncoded_ShouldReadBackEveryPostingAsAdded(int documents, int vocabulary, int seed)
    {
        var random = new Random(seed);
        var builder = new SegmentWriter();
        var expected = new Dictionary<string, List<(long Doc, int Tf)>>(StringComparer.Ordinal);
        long doc = 0;
        for (var d = 0; d < documents; d++)
        {
            doc += 1 + random.Next(3);
            var keys = new SortedDictionary<long, int>();
            keys[TermKey.Bigram('一', '二')] = 1 + random.Next(300); // in every document, now and then a large frequency
            for (var k = random.Next(1, 40); k > 0; k--)
            {
                var key = TermKey.Bigram((char)('\u4E00' + random.Next(vocabulary)), (char)('\u4E00' + random.Next(50)));
                keys[key] = keys.GetValueOrDefault(key) + 1;
            }

            var words = random.Next(4) == 0 ? new[] { "w" + random.Next(100) } : [];
            builder.Add(doc, [.. keys.Keys], [.. keys.Values], words, [.. words.Select(_ => 2)]);
            foreach (var (key, tf) in keys)
            {
                Expect(TermKey.HanText(key), doc, tf);
            }

            foreach (var word in words)
            {
                Expect(word, doc, 2);
            }
        }

        var (terms, postings) = builder.Encode();
        var read = new Dictionary<string, List<(long, int)>>(StringComparer.Ordinal);
        List<(long, int)>? current = null;
        SegmentReader.Read(new SegmentData(1, builder.DocCount, terms, postings),
            (term, df) => read[term] = current = new List<(long, int)>(df),
            (d, tf) => current!.Add((d, tf)));

        Assert.Equal(expected.Count, read.Count);
        foreach (var (term, list) in expected)
        {
            Assert.Equal(list, read[term]);
        }

        void Expect(string term, long d, int tf)
        {
            if (!expected.TryGetValue(term, out var list))
            {
                expected[term] = list = [];
            }

            list.Add((d, tf));
        }
    }
}
