using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>A text's Han bigrams weighted tf·idf against the index, for cosine similarity.</summary>
internal sealed class TermVector
{
    private TermVector(Dictionary<long, double> weights)
    {
        Weights = weights;
        Norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    public Dictionary<long, double> Weights { get; }

    public double Norm { get; }

    public static TermVector Of(IndexSnapshot index, string matchForm)
    {
        var tf = new Dictionary<long, int>();
        for (var i = 0; i + 1 < matchForm.Length; i++)
        {
            if (TextNormalizer.KindOf(matchForm[i]) == CharKind.Cjk && TextNormalizer.KindOf(matchForm[i + 1]) == CharKind.Cjk)
            {
                var key = TermKey.Bigram(matchForm[i], matchForm[i + 1]);
                tf[key] = tf.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        var weights = new Dictionary<long, double>(tf.Count);
        foreach (var (key, n) in tf)
        {
            weights[key] = (1 + Math.Log(n)) * BigramCandidates.Idf(index, key);
        }

        return new TermVector(weights);
    }

    public double Cosine(TermVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        double dot = 0;
        foreach (var (key, w) in small)
        {
            if (large.TryGetValue(key, out var v))
            {
                dot += w * v;
            }
        }

        return dot / (Norm * other.Norm);
    }
}
