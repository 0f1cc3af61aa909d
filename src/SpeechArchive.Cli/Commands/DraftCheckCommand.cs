using System.CommandLine;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>draft-check</c>: each sentence of a draft with its closest precedents and the runs it shares verbatim.</summary>
internal static class DraftCheckCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The draft: a UTF-8 text file, or - for standard input" };
        var precedents = new Option<int>("--precedents") { Description = "Precedents per sentence (default 3)", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json("the check");
        var command = new Command("draft-check", $"Check a draft (up to {DraftCheckRequest.MaxCharacters:N0} characters) against the archive, sentence by sentence.") { file, precedents, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
            var result = DraftChecker.Check(CommonOptions.OpenIndex(parse), new DraftCheckRequest { Text = text, PrecedentsPerSentence = parse.GetValue(precedents) });
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    private static void Print(DraftCheckResult result)
    {
        AnsiConsole.MarkupLine($"{result.Sentences.Count} sentences, {result.SentencesWithRuns} sharing runs of 8+ characters verbatim ({result.TookMs:0} ms)");
        foreach (var s in result.Sentences)
        {
            AnsiConsole.MarkupLine($"\n[bold]{s.Number}.[/] {Markup.Escape(s.Text)}");
            foreach (var run in s.Runs)
            {
                AnsiConsole.MarkupLine($"   [yellow]verbatim[/] {Markup.Escape(run.Text)} [grey]({Markup.Escape(run.PassageId)})[/]");
            }

            foreach (var p in s.Precedents)
            {
                AnsiConsole.MarkupLine($"   {p.Similarity:0.00} {Markup.Escape(p.Matched)} [grey]— {Markup.Escape(p.Source.Citation)} {Markup.Escape(p.Source.PassageId)}[/]");
            }
        }
    }
}
