using SpeechArchive.Analysis;

namespace SpeechArchive.Semantics;

/// <summary>
/// One vector per passage from its words' vectors (SIF, Arora, Liang and Ma 2017: each word weighted a / (a + p(word)), the
/// weighted mean normalised, the archive's common component removed), and the query's vector made the same way, so a
/// passage about what a query means is near it though it shares none of its words.
/// </summary>
public sealed class PassageVectors
{
    /// <summary>SIF's smoothing: a word as frequent as this (share of all words) counts half.</summary>
    private const double Smoothing = 1e-4;

    /// <summary>Added to the query's 7-bit components so they are unsigned (see <see cref="Nearest"/>).</summary>
    private const int Offset = 64;

    private readonly sbyte[] data;
    private readonly float[] scales;
    private readonly int[] sums;
    private readonly float[] common;
    private readonly Lexicon lexicon;

    private PassageVectors(WordVectors words, Lexicon lexicon, sbyte[] data, float[] scales, int[] sums, float[] common)
    {
        Words = words;
        this.lexicon = lexicon;
        this.data = data;
        this.scales = scales;
        this.sums = sums;
        this.common = common;
    }

    public WordVectors Words { get; }

    public int Count => scales.Length;

    public int Dimensions => Words.Dimensions;

    /// <summary>The vectors of <paramref name="texts"/> (one per passage), their words cut with <paramref name="segmenter"/>.</summary>
    public static PassageVectors Build(IReadOnlyList<string> texts, WordVectors words, Segmenter segmenter)
    {
        var d = words.Dimensions;
        var data = new float[(long)texts.Count * d];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var spans = segmenter.Segment(texts[i]);
            Embed(words, segmenter.Lexicon, spans.Where(s => s.Kind == WordKind.Han).Select(s => s.Text), data.AsSpan(i * d, d), composeUnknown: false);
        });

        // The common component: the direction most passages share (所, 工作, 发展…), found by power iteration, removed from all.
        var common = new float[d];
        common[0] = 1;
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var next = new double[d];
            for (var i = 0; i < texts.Count; i++)
            {
                var row = data.AsSpan(i * d, d);
                var projection = VectorMath.Dot(row, common);
                for (var k = 0; k < d; k++)
                {
                    next[k] += projection * row[k];
                }
            }

            var updated = next.Select(x => (float)x).ToArray();
            if (!VectorMath.Normalize(updated))
            {
                break;
            }

            common = updated;
        }

        var quantised = new sbyte[data.Length];
        var scales = new float[texts.Count];
        var sums = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var row = data.AsSpan(i * d, d);
            RemoveCommon(row, common);
            scales[i] = VectorMath.Quantise(row, quantised.AsSpan(i * d, d));
            foreach (var x in quantised.AsSpan(i * d, d))
            {
                sums[i] += x;
            }
        }

        return new PassageVectors(words, segmenter.Lexicon, quantised, scales, sums, common);
    }

    /// <summary>
    /// The query's vector from its words, or null when none has a vector. A word the vectors do not know is composed from
    /// its characters.
    /// </summary>
    public float[]? Query(IEnumerable<string> words)
    {
        var vector = new float[Dimensions];
        Embed(Words, lexicon, words, vector, composeUnknown: true);
        RemoveCommon(vector, common);
        return VectorMath.Normalize(vector) ? vector : null;
    }

    /// <summary>
    /// The <paramref name="count"/> passages nearest <paramref name="query"/> (a unit vector), nearest first, with their
    /// cosines (ties: the lower passage id first). A brute-force scan of every passage in 8-bit, split over the cores, each
    /// part keeping its own best.
    /// </summary>
    public IReadOnlyList<(int Passage, float Cosine)> Nearest(ReadOnlySpan<float> query, int count)
    {
        if (count <= 0 || Count == 0)
        {
            return [];
        }

        // The query in 7 bits, offset to 0..128 for the unsigned-by-signed product: q·p = (q + 64)·p − 64·Σp.
        var signed = new sbyte[Dimensions];
        var queryScale = VectorMath.Quantise(query, signed) * 2;
        var q = new byte[Dimensions];
        for (var k = 0; k < q.Length; k++)
        {
            q[k] = (byte)(((signed[k] + (signed[k] >= 0 ? 1 : -1)) / 2) + Offset);
        }

        var d = Dimensions;
        var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, Count / 50_000));
        var best = new List<(int Doc, double Score, int Date)>[parts];
        Parallel.For(0, parts, part =>
        {
            var (from, to) = ((int)((long)Count * part / parts), (int)((long)Count * (part + 1) / parts));
            var kept = new Search.TopK(count, Search.SearchSort.Relevance);
            var raw = System.Buffers.ArrayPool<int>.Shared.Rent(to - from);
            Int8.DotUnsignedRows(q, data, from, to, raw);
            for (var i = from; i < to; i++)
            {
                var cosine = (raw[i - from] - (Offset * sums[i])) * scales[i] * queryScale;
                if (cosine >= kept.Threshold)
                {
                    kept.Offer(i, cosine, 0);
                }
            }

            System.Buffers.ArrayPool<int>.Shared.Return(raw);
            best[part] = kept.Drain();
        });

        return [.. best.SelectMany(b => b).OrderByDescending(b => b.Score).ThenBy(b => b.Doc).Take(count).Select(b => (b.Doc, (float)b.Score))];
    }

    /// <summary>The cosine of <paramref name="query"/> (a unit vector) with one passage.</summary>
    public double Similarity(ReadOnlySpan<float> query, int passage)
    {
        var d = Dimensions;
        var row = data.AsSpan(passage * d, d);
        var sum = 0.0;
        for (var k = 0; k < d; k++)
        {
            sum += query[k] * row[k];
        }

        return sum * scales[passage];
    }

    private static void RemoveCommon(Span<float> vector, float[] common)
    {
        VectorMath.AddScaled(vector, common, -(float)VectorMath.Dot(vector, common));
        VectorMath.Normalize(vector);
    }

    /// <summary>
    /// The SIF-weighted mean of the vectors of <paramref name="input"/>'s words of two or more characters (single characters
    /// are mostly function words or senses too broad to help: 黑 sits beside 反动), normalised into <paramref name="into"/>.
    /// </summary>
    private static void Embed(WordVectors words, Lexicon lexicon, IEnumerable<string> input, Span<float> into, bool composeUnknown)
    {
        var total = Math.Max(1, lexicon.TotalFrequency);
        foreach (var word in input)
        {
            if (word.Length < 2 || Search.QueryStopWords.Contains(word))
            {
                continue;
            }

            var own = words.Of(word);
            var vector = own.IsEmpty && composeUnknown ? words.Vector(word) : null;
            if (own.IsEmpty && vector is null)
            {
                continue;
            }

            var sif = Smoothing / (Smoothing + ((double)lexicon.Frequency(word) / total));
            VectorMath.AddScaled(into, own.IsEmpty ? vector : own, (float)sif);
        }

        VectorMath.Normalize(into);
    }
}
