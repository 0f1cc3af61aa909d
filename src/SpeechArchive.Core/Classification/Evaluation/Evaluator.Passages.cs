namespace SpeechArchive.Classification.Evaluation;

public static partial class Evaluator
{
    private static ThemeTally ScorePassages(
        IReadOnlyList<GoldPassage> gold, Taxonomy taxonomy, SourceCache sources, List<UnmatchedGold> unmatched, List<EvaluationMiss> misses)
    {
        var tally = new ThemeTally([.. taxonomy.Themes.Select(t => t.Id)]);
        foreach (var row in gold)
        {
            var expected = row.Themes.Select(t => (Given: t, Id: taxonomy.ResolveTheme(t))).ToList();
            if (expected.FirstOrDefault(t => t.Id is null) is { Given: not null } unknown)
            {
                unmatched.Add(new UnmatchedGold("passage", row.Source, row.Line, row.Start, $"unknown theme '{unknown.Given}'"));
                continue;
            }

            if (sources.Get(row.Source) is not { } source)
            {
                unmatched.Add(new UnmatchedGold("passage", row.Source, row.Line, row.Start, "source file not found under the corpus root"));
                continue;
            }

            var at = source.Text.IndexOf(row.Start, StringComparison.Ordinal);
            var passages = source.Classified.Passages;
            var passage = at < 0
                ? null
                : passages.FirstOrDefault(p => p.Start == at)
                    ?? passages.FirstOrDefault(p => p.Start <= at && at < p.End)
                    ?? passages.FirstOrDefault(p => p.Start > at && p.Start < at + row.Start.Length);
            if (passage is null)
            {
                var reason = at < 0 ? "start not found in the source file" : "no parsed passage contains it";
                unmatched.Add(new UnmatchedGold("passage", row.Source, row.Line, row.Start, reason));
                continue;
            }

            var want = expected.Select(t => t.Id!).ToHashSet(StringComparer.Ordinal);
            var got = passage.Themes.ToHashSet(StringComparer.Ordinal);
            tally.Add(want, got);
            if (!want.SetEquals(got))
            {
                misses.Add(new EvaluationMiss("passage", row.Source, row.Line, row.Start, Join(want), Join(got), passage.Reasons));
            }
        }

        return tally;
    }

    private static string Join(IEnumerable<string> labels) => labels.Any() ? string.Join(",", labels.Order(StringComparer.Ordinal)) : None;
}
