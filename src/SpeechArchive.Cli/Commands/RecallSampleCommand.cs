using System.CommandLine;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>recall-sample</c>: make a recall set from the index (targets first, then queries derived by each kind's edit).</summary>
internal static class RecallSampleCommand
{
    public static Command Create()
    {
        var perKind = new Option<int>("--per-kind") { Description = "Queries of each kind (default 60)", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1)", DefaultValueFactory = _ => 1 };
        var exclude = new Option<string[]>("--exclude") { Description = "Recall sets whose target passages are held out", AllowMultipleArgumentsPerToken = true };
        var json = CommonOptions.Json("the queries instead of TSV");
        var command = new Command("recall-sample", "Sample a recall set from the index as TSV on stdout (index the seeds and the reports together first).") { perKind, seed, exclude, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var held = new HashSet<int>();
            foreach (var file in parse.GetValue(exclude) ?? [])
            {
                foreach (var q in RecallSet.Load(file))
                {
                    if (RecallEvaluator.TargetPassage(index, q) is int p)
                    {
                        held.Add(p);
                    }
                }
            }

            var set = RecallSampler.Sample(index, parse.GetValue(perKind), parse.GetValue(seed), held);
            var header = $"recall-sample --seed {parse.GetValue(seed)} --per-kind {parse.GetValue(perKind)} over {index.Speeches.Count} speeches, {index.Passages.Count} passages";
            return CommonOptions.Print(parse, json, set, s => Console.Write(RecallSet.Format(s, header)));
        }));
        return command;
    }
}
