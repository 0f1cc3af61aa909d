using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>variants</c>: the wordings of a formulation across the archive, with counts and first and last use.</summary>
internal static class VariantsCommand
{
    public static Command Create()
    {
        var formulation = Usage.QuerySyntax(new Argument<string[]>("formulation") { Description = "The formulation (提法) and filters year: theme: type: org: speaker:", Arity = ArgumentArity.OneOrMore });
        var min = new Option<double>("--min-similarity") { Description = "Share of the formulation a variant must hold in order (default 0.6)", DefaultValueFactory = _ => 0.6 };
        var json = CommonOptions.Json("the variants");
        var command = new Command("variants", "Find the variants of a formulation: words added, dropped, swapped or reordered.") { formulation, min, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var request = new VariantRequest { Formulation = string.Join(' ', parse.GetValue(formulation) ?? []), MinSimilarity = parse.GetValue(min) };
            var result = VariantFinder.Find(index, request);

            // None as near as asked: say how many a looser similarity finds, as the variants page does (a table with no rows
            // says nothing of 打铁必须自身硬, which --min-similarity 0.5 finds for 打铁还需自身硬).
            return CommonOptions.Print(parse, json, result, r =>
            {
                Print(r);
                var relaxed = VariantFinder.RelaxedCount(index, request, r);
                if (relaxed > 0)
                {
                    AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                        $"No wording at similarity {request.MinSimilarity:0.00} or more; at {VariantRequest.Relaxed:0.00}, {relaxed} {Terminal.Noun(relaxed, "wording", "wordings")}: [bold]--min-similarity {VariantRequest.Relaxed:0.0}[/]"));
                }
            });
        }));
        return command;
    }

    private static void Print(VariantResult result)
    {
        AnsiConsole.MarkupLine($"[bold]{result.Variants.Count}[/] {Terminal.Noun(result.Variants.Count, "wording", "wordings")}, {result.Occurrences} {Terminal.Noun(result.Occurrences, "occurrence", "occurrences")} ({result.TookMs:0.0} ms)");
        var table = new Table().AddColumns("wording", "similarity", "occurrences", "passages", "speeches", "first", "last");
        foreach (var v in result.Variants)
        {
            var text = Markup.Escape(v.Text) + (v.IsExact ? " [grey](exact)[/]" : v.Reordered ? " [grey](reordered)[/]" : "");
            table.AddRow(text, v.Similarity.ToString("0.00", CultureInfo.InvariantCulture), v.Count.ToString(CultureInfo.InvariantCulture),
                v.Passages.ToString(CultureInfo.InvariantCulture), v.Speeches.ToString(CultureInfo.InvariantCulture), Markup.Escape(v.FirstUsed ?? "?"), Markup.Escape(v.LastUsed ?? "?"));
        }

        AnsiConsole.Write(table);
    }
}
