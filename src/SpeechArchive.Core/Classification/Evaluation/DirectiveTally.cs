namespace SpeechArchive.Classification.Evaluation;

/// <summary>Counts gold against predicted directive types while the evaluator walks the gold sentences.</summary>
internal sealed class DirectiveTally(IReadOnlyList<string> labels)
{
    private readonly int[][] confusion = [.. labels.Select(_ => new int[labels.Count])];
    private readonly Dictionary<string, (int Correct, int Count)> bySet = new(StringComparer.Ordinal);

    public void Add(string source, string expected, string predicted)
    {
        var g = IndexOf(expected);
        var p = IndexOf(predicted);
        confusion[g][p]++;
        var set = source.Split('/')[0];
        var (correct, count) = bySet.GetValueOrDefault(set);
        bySet[set] = (correct + (g == p ? 1 : 0), count + 1);
    }

    public EvaluationReport With(ThemeTally themes, List<UnmatchedGold> unmatched, List<EvaluationMiss> misses)
    {
        var scores = new List<LabelScore>(labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var support = confusion[i].Sum();
            var predicted = confusion.Sum(row => row[i]);
            scores.Add(LabelScore.From(labels[i], confusion[i][i], predicted, support));
        }

        var total = confusion.Sum(row => row.Sum());
        var correct = Enumerable.Range(0, labels.Count).Sum(i => confusion[i][i]);
        return themes.Fill(new EvaluationReport
        {
            SentenceCount = total,
            CorrectSentences = correct,
            DirectiveScores = scores,
            ConfusionLabels = labels,
            Confusion = confusion,
            AccuracyBySet = bySet.OrderBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => new SetAccuracy((double)p.Value.Correct / p.Value.Count, p.Value.Count), StringComparer.Ordinal),
            Unmatched = unmatched,
            Misses = misses,
        });
    }

    private int IndexOf(string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        throw new ArgumentException($"unknown label '{label}'", nameof(label));
    }
}
