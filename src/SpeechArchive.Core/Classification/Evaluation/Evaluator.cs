using System.Text;

namespace SpeechArchive.Classification.Evaluation;

/// <summary>
/// Scores a taxonomy against the gold set: parses and classifies each source file of the shared corpus, aligns every
/// gold sentence with the parsed sentence containing (or overlapping it most) and every gold passage with the parsed
/// passage that begins with (or contains) its start, and compares the labels.
/// </summary>
public static partial class Evaluator
{
    public static EvaluationReport Evaluate(GoldSet gold, Taxonomy taxonomy, string corpusRoot)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentException.ThrowIfNullOrEmpty(corpusRoot);
        var sources = new SourceCache(new SpeechClassifier(taxonomy), corpusRoot);
        var unmatched = new List<UnmatchedGold>();
        var misses = new List<EvaluationMiss>();
        var directives = ScoreSentences(gold.Sentences, taxonomy, sources, unmatched, misses);
        var themes = ScorePassages(gold.Passages, taxonomy, sources, unmatched, misses);
        return directives.With(themes, unmatched, misses);
    }

    /// <summary>Reads and classifies each source file once.</summary>
    private sealed class SourceCache(SpeechClassifier classifier, string corpusRoot)
    {
        private readonly Dictionary<string, (string Text, ClassifiedText Classified)?> files = new(StringComparer.Ordinal);

        public (string Text, ClassifiedText Classified)? Get(string source)
        {
            if (!files.TryGetValue(source, out var entry))
            {
                var path = Path.GetFullPath(Path.Combine(corpusRoot, source));
                entry = File.Exists(path) ? Classify(File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal)) : null;
                files[source] = entry;
            }

            return entry;
        }

        private (string Text, ClassifiedText Classified) Classify(string text) => (text, classifier.ClassifyText(text));
    }
}
