using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>complete</c>: how the archive goes on after the last word typed (the search box's completions).</summary>
internal static class CompleteCommand
{
    public static Command Create()
    {
        var text = new Argument<string[]>("text") { Description = "What is typed so far; its last word is completed", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "How many completions (default 8)", DefaultValueFactory = _ => 8 }.Within(1, Completions.MaxLimit);
        var json = CommonOptions.Json("the completions");
        var command = new Command("complete", "Complete the last word typed as the archive goes on after it: the word it ends inside and the clauses it begins, most said first.") { text, limit, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var searcher = ArchiveOptions.OpenSearcher(parse);
            var result = Completions.Complete(searcher.Index, string.Join(' ', parse.GetValue(text) ?? []), null, parse.GetValue(limit));
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    private static void Print(CompletionResult result)
    {
        var about = result.Approximate ? "about " : "";
        AnsiConsole.MarkupLine(result.Typed.Length < Completions.MinTyped
            ? $"nothing to complete: give {Completions.MinTyped} Chinese characters or more at the end ({result.TookMs:0.0} ms)"
            : $"{result.Passages} passages hold {Markup.Escape(result.Typed)} ({result.TookMs:0.0} ms)");
        var table = new Table().AddColumns("completion", "kind", "passages");
        foreach (var c in result.Completions)
        {
            table.AddRow(Markup.Escape(c.Query), c.Kind, about + c.Passages.ToString(CultureInfo.InvariantCulture));
        }

        if (result.Completions.Count > 0)
        {
            AnsiConsole.Write(table);
        }
    }
}
