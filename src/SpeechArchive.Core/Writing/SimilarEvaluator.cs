using System.Globalization;

namespace SpeechArchive.Writing;

/// <summary>
/// Scores "more like this" (<see cref="SimilarPassages"/>) on pairs judged by reading (<c>Fixtures/Similar/judgments.tsv</c>:
/// source passage, candidate passage, grade 0–2): for every source, the top <see cref="K"/> at several meaning weights,
/// nDCG@5 (gains 2^grade − 1, the ideal from every judged candidate of the source), P@5 (grade ≥ 1) and the share graded 2;
/// unjudged candidates count as 0 and are counted.
/// </summary>
public static class SimilarEvaluator
{
    public const int K = 5;

    /// <summary>Shared bigrams alone (the baseline), two mixes, meaning alone.</summary>
    public static readonly IReadOnlyList<double> Weights = [0, SimilarPassages.DefaultMeaningWeight, 0.5, 1];

    /// <summary>Reads <c>source_id, candidate_id, grade</c> rows (a header line first); a malformed row throws, naming its line.</summary>
    public static Dictionary<string, Dictionary<string, int>> LoadJudgments(string path)
    {
        var judged = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var line = 0;
        foreach (var row in File.ReadLines(path))
        {
            if (++line == 1 || row.Length == 0)
            {
                continue;
            }

            var fields = row.Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade > 2)
            {
                throw new SpeechArchiveException($"{path}:{line}: expected source_id, candidate_id and a grade 0–2");
            }

            (judged.TryGetValue(fields[0], out var of) ? of : judged[fields[0]] = new(StringComparer.Ordinal))[fields[1]] = grade;
        }

        return judged;
    }

    public static IReadOnlyList<SimilarScore> Evaluate(Search.IndexSnapshot index, IReadOnlyDictionary<string, Dictionary<string, int>> judged)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(judged);
        var scores = new List<SimilarScore>();
        foreach (var weight in Weights)
        {
            var (ndcg, precision, strong, unjudged, sources) = (0.0, 0.0, 0.0, 0, 0);
            foreach (var (source, graded) in judged)
            {
                if (SimilarPassages.Find(index, source, K, weight) is not { } result)
                {
                    continue; // a source this index does not hold
                }

                sources++;
                var grades = result.Similar.Select(s => graded.TryGetValue(s.Source.PassageId, out var g) ? (int?)g : null).ToList();
                var idcg = TopicalEvaluator.Dcg([.. graded.Values.OrderDescending().Take(K).Select(g => (int?)g)], K);
                ndcg += idcg == 0 ? 0 : TopicalEvaluator.Dcg(grades, K) / idcg;
                precision += (double)grades.Count(g => g >= 1) / K;
                strong += (double)grades.Count(g => g == 2) / K;
                unjudged += grades.Count(g => g is null);
            }

            var n = Math.Max(1, sources);
            scores.Add(new SimilarScore(weight, sources, Math.Round(ndcg / n, 3), Math.Round(precision / n, 3), Math.Round(strong / n, 3), unjudged));
        }

        return scores;
    }
}

/// <summary>One meaning weight's figures over the judged sources.</summary>
public sealed record SimilarScore(double MeaningWeight, int Sources, double Ndcg, double Precision, double Strong, int Unjudged);
