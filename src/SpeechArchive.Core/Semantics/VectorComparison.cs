namespace SpeechArchive.Semantics;

/// <summary>How far two vector models agree on one band of the first model's vocabulary (most frequent words first).</summary>
/// <param name="From">The band's first rank in the first model's vocabulary (0 = its most frequent word).</param>
/// <param name="To">One past the band's last rank.</param>
/// <param name="Words">The words of the band compared (those both models know).</param>
/// <param name="Overlap">The mean share of a word's nearest words in the first model that are among its nearest in the second.</param>
public sealed record VectorAgreementBand(int From, int To, int Words, double Overlap);

/// <summary>The agreement of two vector models, overall and by thirds of the first model's vocabulary.</summary>
/// <param name="Nearest">How many nearest words were compared per word.</param>
/// <param name="Words">The words compared (sampled evenly from the vocabulary; both models know each and some other word); 0: none, and no overlap to speak of.</param>
/// <param name="Overlap">The mean share of a word's nearest words shared by the two models (1: the same neighbours).</param>
public sealed record VectorAgreement(int Nearest, int Words, double Overlap, IReadOnlyList<VectorAgreementBand> Bands);

/// <summary>
/// Compares two vector models by their neighbours: for words sampled evenly over the first model's vocabulary, the share
/// of each word's <c>k</c> nearest words (among the words both models know) that are also its <c>k</c> nearest in the
/// other. What ranking by meaning reads from a model is its neighbours, so this says how much a model learned again
/// (another seed, lexicon or corpus) would change it; the rotations a factorisation is free to make do not count.
/// </summary>
public static class VectorComparison
{
    public static VectorAgreement Compare(WordVectors first, WordVectors second, int sample = 1000, int nearest = 10)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfLessThan(sample, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nearest, 1);

        bool Shared(string word) => first.Contains(word) && second.Contains(word);
        var count = first.Count;
        var taken = Math.Min(sample, count);
        var ranks = Enumerable.Range(0, taken).Select(i => (int)((long)i * count / taken)).Where(r => second.Contains(first.Words[r])).ToArray();

        var overlaps = new double[ranks.Length];
        Parallel.For(0, ranks.Length, i =>
        {
            var word = first.Words[ranks[i]];
            bool Other(string w) => w != word && Shared(w);
            var mine = first.Nearest(first.Of(word), nearest, Other).Select(n => n.Word).ToHashSet(StringComparer.Ordinal);
            var theirs = second.Nearest(second.Of(word), nearest, Other);
            overlaps[i] = mine.Count == 0 ? double.NaN : (double)theirs.Count(n => mine.Contains(n.Word)) / mine.Count;
        });

        // A word with no neighbour both models know (a vocabulary of one shared word) says nothing either way.
        ranks = [.. ranks.Where((_, i) => !double.IsNaN(overlaps[i]))];
        overlaps = [.. overlaps.Where(o => !double.IsNaN(o))];

        var bands = new List<VectorAgreementBand>();
        for (var third = 0; third < 3; third++)
        {
            var (from, to) = (count * third / 3, count * (third + 1) / 3);
            var inBand = Enumerable.Range(0, ranks.Length).Where(i => ranks[i] >= from && ranks[i] < to).Select(i => overlaps[i]).ToList();
            bands.Add(new VectorAgreementBand(from, to, inBand.Count, inBand.Count == 0 ? 0 : inBand.Average()));
        }

        return new VectorAgreement(nearest, ranks.Length, overlaps.Length == 0 ? 0 : overlaps.Average(), bands);
    }
}
