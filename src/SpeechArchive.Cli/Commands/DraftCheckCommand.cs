using System.CommandLine;
using System.Text.Json;
using SpeechArchive.Search;
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
            var index = IndexSnapshot.Load(parse.GetValue(CommonOptions.Index)!);
            var result = DraftChecker.Check(index, new DraftCheckRequest { Text = text, PrecedentsPerSentence = parse.GetValue(precedents) });
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, JsonDefaults.Indented));
                return 0;
            }

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

            return 0;
        }));
        return command;
    }
}
