using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// <c>eval-similar</c>: nDCG@5 and P@5 of "more like this" on the judged pairs, for shared bigrams alone, the default mix with
/// meaning, another mix and meaning alone, in one run (<see cref="SimilarEvaluator"/>).
/// </summary>
internal static class EvalSimilarCommand
{
    public const string DefaultJudgments = "tests/SpeechArchive.Tests/Fixtures/Similar/judgments.tsv";

    public static Command Create()
    {
        var judgments = new Option<string>("--judgments") { Description = $"Judged pairs TSV (default: {DefaultJudgments})", DefaultValueFactory = _ => DefaultJudgments };
        var corpus = new Option<string[]>("--corpus")
        {
            Description = $"Folders to index into a temporary index (default: {string.Join(", ", EvalIndex.DefaultCorpus)}); --existing uses --index instead",
            AllowMultipleArgumentsPerToken = true,
        };
        var existing = new Option<bool>("--existing") { Description = "Evaluate the index in --index instead of building one" };
        var json = CommonOptions.Json("the scores");
        var command = new Command("eval-similar", "Score similar passages on judged pairs: nDCG@5 and P@5 by shared bigrams alone, mixed with meaning, and by meaning alone.")
            { judgments, corpus, existing, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var judged = SimilarEvaluator.LoadJudgments(parse.GetValue(judgments)!);
            return EvalIndex.With(parse, corpus, existing, index => CommonOptions.Print(parse, json, SimilarEvaluator.Evaluate(index, judged), Print));
        }));
        return command;
    }

    private static void Print(IReadOnlyList<SimilarScore> scores)
    {
        var table = new Table().AddColumns("meaning weight", "sources", "nDCG@5", "P@5 (grade ≥ 1)", "share graded 2", "unjudged");
        foreach (var s in scores)
        {
            var name = s.MeaningWeight switch { 0 => "0 (shared bigrams alone)", 1 => "1 (meaning alone)", _ when s.MeaningWeight == SimilarPassages.DefaultMeaningWeight => $"{s.MeaningWeight} (default)", _ => s.MeaningWeight.ToString(CultureInfo.InvariantCulture) };
            table.AddRow(name, s.Sources.ToString(CultureInfo.InvariantCulture), s.Ndcg.ToString("0.000", CultureInfo.InvariantCulture),
                s.Precision.ToString("0.000", CultureInfo.InvariantCulture), s.Strong.ToString("0.000", CultureInfo.InvariantCulture), s.Unjudged.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }
}
