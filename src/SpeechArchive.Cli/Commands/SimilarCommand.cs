using System.CommandLine;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>similar</c>: the passages of other speeches most like a passage, with the strings they share.</summary>
internal static class SimilarCommand
{
    public static Command Create()
    {
        var passage = new Argument<string>("passage-id") { Description = "A passage id as search prints it (speech-id:N)" };
        var limit = new Option<int>("--limit") { Description = "How many (default 10)", DefaultValueFactory = _ => 10 }.Within(1, 100);
        var meaning = new Option<double>("--meaning")
        {
            Description = $"The share of the score that is nearness in meaning, 0–1 (0: shared bigrams alone; default {SimilarPassages.DefaultMeaningWeight})",
            DefaultValueFactory = _ => SimilarPassages.DefaultMeaningWeight,
        };
        var json = CommonOptions.Json("the similar passages");
        var command = new Command("similar", "More like this: the most similar passages elsewhere in the archive.") { passage, limit, meaning, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var id = parse.GetValue(passage)!;
            var result = SimilarPassages.Find(index, id, parse.GetValue(limit), parse.GetValue(meaning))
                ?? throw new SpeechArchiveException($"No passage with id '{id}' in the index. `search` prints passage ids.");
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    private static void Print(SimilarResult result)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Source.Citation)}[/] ({result.TookMs:0.0} ms)");
        if (result.Reprints.Count > 0)
        {
            AnsiConsole.MarkupLine($"[grey]also printed in (not listed): {Markup.Escape(string.Join(", ", result.Reprints.Select(r => r.PassageId)))}[/]");
        }

        var rank = 0;
        foreach (var s in result.Similar)
        {
            AnsiConsole.MarkupLine($"\n[bold]{++rank}. {Markup.Escape(s.Source.Title)}[/] [grey]{Markup.Escape(s.Source.PassageId)} score {s.Score:0.000}[/]");
            AnsiConsole.MarkupLine("   " + Terminal.FromSnippet(s.Snippet));
            AnsiConsole.MarkupLine($"   [grey]shared: {Markup.Escape(string.Join("、", s.SharedTerms))}[/]");
            if (s.Reprints.Count > 0)
            {
                AnsiConsole.MarkupLine($"   [grey]also printed in: {Markup.Escape(string.Join(", ", s.Reprints.Select(r => r.PassageId)))}[/]");
            }
        }
    }
}
