namespace SpeechArchive.Classification.Evaluation;

/// <summary>How well a taxonomy's labels agree with the gold set: directive accuracy and per-label scores, the confusion matrix, theme micro/macro scores, and the rows that could not be aligned or were missed.</summary>
public sealed partial record EvaluationReport
{
    /// <summary>Gold sentences aligned with a parsed sentence (the denominator of the accuracy).</summary>
    public int SentenceCount { get; init; }

    public int CorrectSentences { get; init; }

    public double DirectiveAccuracy => SentenceCount == 0 ? 0 : (double)CorrectSentences / SentenceCount;

    /// <summary>Per directive type (and <c>none</c>): precision, recall, F1, support.</summary>
    public IReadOnlyList<LabelScore> DirectiveScores { get; init; } = [];

    /// <summary>Row and column labels of <see cref="Confusion"/>: the directive type ids, then <c>none</c>.</summary>
    public IReadOnlyList<string> ConfusionLabels { get; init; } = [];

    /// <summary>Counts by [gold label][predicted label], indexed like <see cref="ConfusionLabels"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; } = [];

    /// <summary>Accuracy per corpus set (the first folder of the source path: seeds, reports, xi-2020), with its sentence count.</summary>
    public IReadOnlyDictionary<string, SetAccuracy> AccuracyBySet { get; init; } = new Dictionary<string, SetAccuracy>();

    /// <summary>Gold passages aligned with a parsed passage.</summary>
    public int PassageCount { get; init; }

    public double ThemeMicroPrecision { get; init; }

    public double ThemeMicroRecall { get; init; }

    public double ThemeMicroF1 { get; init; }

    public double ThemeMacroPrecision { get; init; }

    public double ThemeMacroRecall { get; init; }

    public double ThemeMacroF1 { get; init; }

    /// <summary>Per theme: precision, recall, F1, support (passages carrying it in the gold set).</summary>
    public IReadOnlyList<LabelScore> ThemeScores { get; init; } = [];

    /// <summary>Gold rows left out of the scores, with the reason.</summary>
    public IReadOnlyList<UnmatchedGold> Unmatched { get; init; } = [];

    /// <summary>Aligned gold rows whose label differs from the prediction, with the classifier's reasons.</summary>
    public IReadOnlyList<EvaluationMiss> Misses { get; init; } = [];
}
