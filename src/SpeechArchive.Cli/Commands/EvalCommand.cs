using System.CommandLine;
using SpeechArchive.Classification.Evaluation;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>eval</c>: score the classifier against the hand-labelled gold set.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold set folder", DefaultValueFactory = _ => Path.Combine("tests", "SpeechArchive.Tests", "Fixtures", "Gold") };
        var shared = new Option<string>("--shared") { Description = "The shared corpus the gold sources are relative to", DefaultValueFactory = _ => Path.Combine("..", "shared", "corpus") };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Taxonomy file (default: corpus/taxonomy.yaml if present, else the built-in one)" };
        var misses = new Option<bool>("--misses") { Description = "Also list every wrongly labelled sentence and passage with the reasons" };
        var json = CommonOptions.Json("the report (with the misses only when --misses is given)");
        var command = new Command("eval", "Per-label precision, recall and F1 and a confusion matrix on the gold set.") { gold, shared, taxonomy, misses, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var sharedRoot = parse.GetValue(shared)!;
            if (!Directory.Exists(sharedRoot))
            {
                throw new SpeechArchiveException($"The gold set's sources are not at '{sharedRoot}' (../shared/corpus beside the repository); pass --shared DIR.");
            }

            var set = GoldSet.Load(parse.GetValue(gold)!);
            var report = Evaluator.Evaluate(set, ClassifyCommand.LoadTaxonomy(parse.GetValue(taxonomy)), sharedRoot);
            var withMisses = parse.GetValue(misses);
            return CommonOptions.Print(parse, json, withMisses ? report : report with { Misses = [] }, r => Console.WriteLine(r.ToText(withMisses)));
        }));
        return command;
    }
}
