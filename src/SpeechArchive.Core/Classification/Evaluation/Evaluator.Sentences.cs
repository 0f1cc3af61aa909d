namespace SpeechArchive.Classification.Evaluation;

public static partial class Evaluator
{
    private const string None = "none";

    private static DirectiveTally ScoreSentences(
        IReadOnlyList<GoldSentence> gold, Taxonomy taxonomy, SourceCache sources, List<UnmatchedGold> unmatched, List<EvaluationMiss> misses)
    {
        var tally = new DirectiveTally([.. taxonomy.DirectiveTypes.Select(d => d.Id), None]);
        foreach (var row in gold)
        {
            var expected = row.DirectiveType == None ? None : taxonomy.ResolveDirectiveType(row.DirectiveType);
            if (expected is null)
            {
                unmatched.Add(new UnmatchedGold("sentence", row.Source, row.Line, row.Text, $"unknown directive type '{row.DirectiveType}'"));
                continue;
            }

            if (sources.Get(row.Source) is not { } source)
            {
                unmatched.Add(new UnmatchedGold("sentence", row.Source, row.Line, row.Text, "source file not found under the corpus root"));
                continue;
            }

            var at = source.Text.IndexOf(row.Text, StringComparison.Ordinal);
            var sentence = at < 0 ? null : BestOverlap(source.Classified.Sentences, at, at + row.Text.Length);
            if (sentence is null)
            {
                var reason = at < 0 ? "text not found in the source file" : "no parsed sentence overlaps it";
                unmatched.Add(new UnmatchedGold("sentence", row.Source, row.Line, row.Text, reason));
                continue;
            }

            var predicted = sentence.DirectiveType ?? None;
            tally.Add(row.Source, expected, predicted);
            if (predicted != expected)
            {
                misses.Add(new EvaluationMiss("sentence", row.Source, row.Line, row.Text, expected, predicted, sentence.Reasons));
            }
        }

        return tally;
    }

    private static ClassifiedSentence? BestOverlap(IReadOnlyList<ClassifiedSentence> sentences, int start, int end)
    {
        ClassifiedSentence? best = null;
        var bestOverlap = 0;
        foreach (var sentence in sentences)
        {
            var overlap = Math.Min(end, sentence.End) - Math.Max(start, sentence.Start);
            if (overlap > bestOverlap)
            {
                best = sentence;
                bestOverlap = overlap;
            }
        }

        return best;
    }
}
