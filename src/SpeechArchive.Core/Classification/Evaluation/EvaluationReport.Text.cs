using System.Globalization;
using System.Text;

namespace SpeechArchive.Classification.Evaluation;

public sealed partial record EvaluationReport
{
    /// <summary>The report as aligned plain-text tables; with <paramref name="misses"/> also every missed row and its reasons.</summary>
    public string ToText(bool misses = false)
    {
        var text = new StringBuilder();
        Line(text, $"Directive types: accuracy {F(DirectiveAccuracy)} ({CorrectSentences}/{SentenceCount} aligned sentences)");
        if (AccuracyBySet.Count > 0)
        {
            Line(text, "  by set: " + string.Join(", ", AccuracyBySet.Select(p => $"{p.Key} {F(p.Value.Accuracy)} ({p.Value.Count})")));
        }

        Scores(text, "directive", DirectiveScores);
        text.AppendLine();
        ConfusionTable(text);
        text.AppendLine();
        Line(text, $"Themes: micro P {F(ThemeMicroPrecision)} R {F(ThemeMicroRecall)} F1 {F(ThemeMicroF1)}; macro P {F(ThemeMacroPrecision)} R {F(ThemeMacroRecall)} F1 {F(ThemeMacroF1)} ({PassageCount} aligned passages)");
        Scores(text, "theme", ThemeScores);

        text.AppendLine();
        Line(text, $"Unmatched gold rows: {Unmatched.Count}");
        foreach (var row in Unmatched)
        {
            Line(text, $"  {row.Kind} {row.Source}:{row.Line} \"{Short(row.Text)}\": {row.Reason}");
        }

        if (misses)
        {
            text.AppendLine();
            Line(text, $"Misses: {Misses.Count}");
            foreach (var miss in Misses)
            {
                Line(text, $"  {miss.Kind} {miss.Source}:{miss.Line} gold {miss.Gold} / predicted {miss.Predicted}: {Short(miss.Text, 60)}");
                foreach (var reason in miss.Reasons)
                {
                    Line(text, $"      {reason}");
                }
            }
        }

        return text.ToString();
    }

    private static void Scores(StringBuilder text, string title, IReadOnlyList<LabelScore> scores)
    {
        var width = Math.Max(title.Length, scores.Count == 0 ? 0 : scores.Max(s => s.Label.Length)) + 2;
        Line(text, $"  {title.PadRight(width)}{"precision",10}{"recall",8}{"f1",8}{"support",9}{"predicted",11}");
        foreach (var s in scores)
        {
            Line(text, $"  {s.Label.PadRight(width)}{F(s.Precision),10}{F(s.Recall),8}{F(s.F1),8}{s.Support,9}{s.Predicted,11}");
        }
    }

    private void ConfusionTable(StringBuilder text)
    {
        Line(text, "Confusion (rows: gold, columns: predicted):");
        var width = ConfusionLabels.Count == 0 ? 4 : ConfusionLabels.Max(l => l.Length) + 2;
        var header = new StringBuilder("  ".PadRight(width + 2));
        foreach (var label in ConfusionLabels)
        {
            header.Append(CultureInfo.InvariantCulture, $"{(label.Length > 4 ? label[..4] : label),6}");
        }

        Line(text, header.ToString());
        for (var g = 0; g < ConfusionLabels.Count; g++)
        {
            var row = new StringBuilder("  " + ConfusionLabels[g].PadRight(width));
            foreach (var count in Confusion[g])
            {
                row.Append(CultureInfo.InvariantCulture, $"{count,6}");
            }

            Line(text, row.ToString());
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Short(string text, int max = 30) => text.Length <= max ? text : text[..max] + "…";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
