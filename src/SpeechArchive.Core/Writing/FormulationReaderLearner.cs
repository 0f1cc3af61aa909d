using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Learns <see cref="FormulationReader"/>'s weights from the thesaurus's own descriptions: each fold of them held out in turn is
/// read against the others (cut into words by <paramref name="segmenter"/>, as free text is), and the right formulation's
/// nearest description should outscore the nearest of each of the <see cref="Negatives"/> other formulations scoring highest
/// (pairwise logistic regression, <see cref="TopicalOrderLearner.Fit"/>, over standardised features). Which description is a
/// formulation's nearest depends on the weights, so the fit starts from equal weights and is made again with the pairs the
/// last weights choose until no weight moves by <see cref="Settled"/> (at most <see cref="Rounds"/> times: the pairs chosen can
/// alternate between two descriptions scoring alike, and the weights then move in the fifth decimal). Deterministic for
/// a thesaurus, a segmenter and a number of folds.
/// </summary>
public static class FormulationReaderLearner
{
    /// <summary>Other formulations per held-out description that its right one is paired against.</summary>
    private const int Negatives = 20;

    private const int Rounds = 10;

    /// <summary>Weights (standardised) that move less than this from one round to the next are settled.</summary>
    private const double Settled = 1e-5;

    /// <summary>
    /// The weights learned from <paramref name="thesaurus"/>'s descriptions over <paramref name="folds"/> folds, with what
    /// each threshold would read of the held-out descriptions and of <paramref name="gold"/>'s queries to learn from (splits
    /// tune and tune2).
    /// </summary>
    public static FormulationReaderModel Learn(Thesaurus thesaurus, Analysis.Segmenter segmenter, int folds, IReadOnlyList<ReadingGold> gold, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(thesaurus);
        ArgumentNullException.ThrowIfNull(segmenter);
        List<string> Pieces(string text) => [.. segmenter.Segment(text).Where(s => s.Kind == Analysis.WordKind.Han && !QueryStopWords.IsQuestionWord(s.Text)).Select(s => s.Text)];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var held = new List<(string Formulation, List<(string Formulation, double[] Features)> Candidates)>();
        foreach (var (_, kept, heldOut) in ReadingEvaluator.Folds(thesaurus, folds))
        {
            var reader = new FormulationReader(kept);
            foreach (var (formulation, d) in heldOut)
            {
                held.Add((formulation, [.. reader.Candidates(Pieces(d)).Select(c => (reader.FormulationOf(c.Description), c.Features))]));
            }
        }

        var dimensions = FormulationReader.FeatureNames.Length;
        var rows = held.SelectMany(h => h.Candidates.Select(c => c.Features)).ToList();
        var mean = Enumerable.Range(0, dimensions).Select(f => rows.Count == 0 ? 0 : rows.Average(r => r[f])).ToArray();
        var spread = Enumerable.Range(0, dimensions).Select(f => rows.Count < 2 ? 1 : Math.Max(1e-9, Math.Sqrt(rows.Average(r => (r[f] - mean[f]) * (r[f] - mean[f]))))).ToArray();
        var weights = Enumerable.Repeat(1.0, dimensions).ToArray(); // standardised
        var firstRight = 0.0;
        for (var round = 0; round < Rounds; round++)
        {
            var pairs = new List<double[]>();
            foreach (var (formulation, candidates) in held)
            {
                var best = Best(candidates, weights, spread);
                if (!best.TryGetValue(formulation, out var right))
                {
                    continue;
                }

                foreach (var (other, features) in best.Where(b => b.Key != formulation).OrderByDescending(b => b.Value.Score).ThenBy(b => b.Key, StringComparer.Ordinal)
                    .Take(Negatives).Select(b => (b.Key, b.Value.Features)))
                {
                    pairs.Add([.. Enumerable.Range(0, dimensions).Select(f => (right.Features[f] - features[f]) / spread[f])]);
                }
            }

            var previous = weights;
            weights = TopicalOrderLearner.Fit(pairs, dimensions);
            firstRight = Accuracy(held, weights, spread);
            log?.Invoke($"{clock.Elapsed.TotalSeconds:0.0} s, round {round + 1}: {pairs.Count:N0} pairs from {held.Count:N0} held-out descriptions; the right formulation first for {firstRight:0.000}");
            if (weights.Zip(previous).All(w => Math.Abs(w.First - w.Second) < Settled))
            {
                break; // the weights choose the pairs they were learned from
            }
        }

        var perUnit = weights.Select((w, f) => w / spread[f]).ToArray();

        // Thresholds: what the held-out descriptions and the labelled queries to learn from would read at each.
        var full = new FormulationReader(thesaurus.Formulations);
        var thresholds = new List<ReaderThreshold>();
        var heldScores = held.Select(h => (h.Formulation, Scored: Best(h.Candidates, weights, spread).OrderByDescending(b => b.Value.Score).Select(b => (b.Key, b.Value.Score * 1.0)).ToList())).ToList();
        var goldScores = gold.Where(g => g.Split is "tune" or "tune2").Select(g => (g, Scored: full.Score(Pieces(g.Query), perUnit))).ToList();
        foreach (var threshold in Enumerable.Range(0, 41).Select(i => i * 0.25))
        {
            thresholds.Add(new ReaderThreshold(threshold,
                Count(heldScores.Select(h => ((IReadOnlyList<string>)[h.Formulation], h.Scored)), threshold),
                Count(goldScores.Select(g => (g.g.Formulations, g.Scored)), threshold)));
        }

        return new FormulationReaderModel(FormulationReader.FeatureNames, perUnit, weights, held.Count, firstRight, thresholds);
    }

    private static ReadCounts Count(IEnumerable<(IReadOnlyList<string> Expected, List<(string Formulation, double Score)> Scored)> rows, double threshold)
    {
        var (right, wrong, silent, queries) = (0, 0, 0, 0);
        foreach (var (expected, scored) in rows)
        {
            queries++;
            var above = scored.TakeWhile(s => s.Score >= threshold).ToList();
            var read = above.Count == 0 ? [] : FormulationReader.Nearest(above).ToList();
            if (read.Count == 0)
            {
                silent++;
            }
            else if (expected.Contains(read[0]))
            {
                right++;
            }

            if (read.Any(f => !expected.Contains(f)))
            {
                wrong++;
            }
        }

        return new ReadCounts(right, wrong, silent, queries);
    }

    private static Dictionary<string, (double Score, double[] Features)> Best(List<(string Formulation, double[] Features)> candidates, double[] weights, double[] spread)
    {
        var best = new Dictionary<string, (double Score, double[] Features)>(StringComparer.Ordinal);
        foreach (var (formulation, features) in candidates)
        {
            var score = 0.0;
            for (var f = 0; f < features.Length; f++)
            {
                score += weights[f] * features[f] / spread[f];
            }

            if (!best.TryGetValue(formulation, out var known) || score > known.Score)
            {
                best[formulation] = (score, features);
            }
        }

        return best;
    }

    private static double Accuracy(List<(string Formulation, List<(string Formulation, double[] Features)> Candidates)> held, double[] weights, double[] spread) =>
        held.Count == 0 ? 0 : held.Count(h => Best(h.Candidates, weights, spread) is { Count: > 0 } best && best.MaxBy(b => b.Value.Score).Key == h.Formulation) / (double)held.Count;
}

/// <summary>
/// What a threshold reads of the held-out descriptions and of the labelled queries to learn from, each read directly: cut by
/// the base lexicon, not by the snapshot's (a search's words differ a little), and without the search's filters (a formulation
/// held by no passage, or searched already as a word, would be passed over there).
/// </summary>
public sealed record ReaderThreshold(double Threshold, ReadCounts HeldOut, ReadCounts Tune);

/// <summary>Of <paramref name="Queries"/>, how many had the first formulation read right, one read wrong, none read.</summary>
public sealed record ReadCounts(int Right, int Wrong, int Silent, int Queries);

/// <summary>
/// The reader's learned weights per unit (what <c>FormulationReader.Weights</c> holds) and per standard deviation, from how many
/// held-out descriptions, the share of them whose right formulation scores first, and what each threshold reads.
/// </summary>
public sealed record FormulationReaderModel(IReadOnlyList<string> Names, double[] Weights, double[] Standardised, int HeldOut, double FirstRight,
    IReadOnlyList<ReaderThreshold> Thresholds);
