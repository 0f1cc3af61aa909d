namespace SpeechArchive.Classification.Evaluation;

/// <summary>Precision, recall and F1 of one label, with its gold support and how often it was predicted.</summary>
public sealed record LabelScore(string Label, double Precision, double Recall, double F1, int Support, int Predicted)
{
    internal static LabelScore From(string label, int truePositives, int predicted, int support)
    {
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LabelScore(label, precision, recall, f1, support, predicted);
    }
}
