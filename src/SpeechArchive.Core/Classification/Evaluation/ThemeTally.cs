namespace SpeechArchive.Classification.Evaluation;

/// <summary>Counts true/false positives and false negatives per theme while the evaluator walks the gold passages.</summary>
internal sealed class ThemeTally(IReadOnlyList<string> themes)
{
    private readonly int[] truePositives = new int[themes.Count];
    private readonly int[] predicted = new int[themes.Count];
    private readonly int[] support = new int[themes.Count];
    private int passages;

    public void Add(HashSet<string> expected, HashSet<string> got)
    {
        passages++;
        for (var t = 0; t < themes.Count; t++)
        {
            var inGold = expected.Contains(themes[t]);
            var inGot = got.Contains(themes[t]);
            support[t] += inGold ? 1 : 0;
            predicted[t] += inGot ? 1 : 0;
            truePositives[t] += inGold && inGot ? 1 : 0;
        }
    }

    public EvaluationReport Fill(EvaluationReport report)
    {
        var scores = themes.Select((t, i) => LabelScore.From(t, truePositives[i], predicted[i], support[i])).ToList();
        var micro = LabelScore.From("micro", truePositives.Sum(), predicted.Sum(), support.Sum());
        var used = scores.Where(s => s.Support > 0 || s.Predicted > 0).ToList();
        var macroPrecision = used.Count == 0 ? 0 : used.Average(s => s.Precision);
        var macroRecall = used.Count == 0 ? 0 : used.Average(s => s.Recall);
        return report with
        {
            PassageCount = passages,
            ThemeMicroPrecision = micro.Precision,
            ThemeMicroRecall = micro.Recall,
            ThemeMicroF1 = micro.F1,
            ThemeMacroPrecision = macroPrecision,
            ThemeMacroRecall = macroRecall,
            ThemeMacroF1 = used.Count == 0 ? 0 : used.Average(s => s.F1),
            ThemeScores = scores,
        };
    }
}
