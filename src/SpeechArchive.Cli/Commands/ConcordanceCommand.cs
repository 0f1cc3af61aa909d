using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>concordance</c>: every occurrence of a phrase with its context aligned on the hit (KWIC).</summary>
internal static class ConcordanceCommand
{
    public static Command Create()
    {
        var phrase = Usage.QuerySyntax(new Argument<string[]>("phrase") { Description = "The phrase (OR for alternatives) and filters year: theme: type: org: speaker:", Arity = ArgumentArity.OneOrMore });
        var sort = new Option<string>("--sort") { Description = "date-asc | date-desc | left | right (date, the older word, is date-asc: oldest first)", DefaultValueFactory = _ => "date-asc" };
        sort.AcceptOnlyFromAmong("date-asc", "date-desc", "left", "right", "date");
        var context = new Option<int>("--context") { Description = "Characters of context each side (default 30)", DefaultValueFactory = _ => 30 };
        var limit = new Option<int>("--limit") { Description = "Lines to print; 0 for all (default 0)" }.Within(0);
        var csv = new Option<bool>("--csv") { Description = "Print CSV with a citation column" };
        var json = CommonOptions.Json("the concordance");
        var command = new Command("concordance", "List every occurrence of a phrase with aligned left and right context.") { phrase, sort, context, limit, csv, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var result = ConcordanceBuilder.Build(index, new ConcordanceRequest
            {
                Phrase = string.Join(' ', parse.GetValue(phrase) ?? []),
                Sort = Sorts.Concordance(parse.GetValue(sort)),
                Context = parse.GetValue(context),
                Limit = parse.GetValue(limit),
            });
            return CommonOptions.Print(parse, json, result, r =>
            {
                if (parse.GetValue(csv))
                {
                    Console.Write(ConcordanceCsv.Write(r.Lines));
                }
                else
                {
                    Print(r, parse.GetValue(context));
                }
            });
        }));
        return command;
    }

    private static void Print(ConcordanceResult r, int context)
    {
        AnsiConsole.MarkupLine($"[bold]{r.Total}[/] {Terminal.Noun(r.Total, "occurrence", "occurrences")} in {r.Passages} {Terminal.Noun(r.Passages, "passage", "passages")} of {r.Speeches} {Terminal.Noun(r.Speeches, "speech", "speeches")}{(r.Duplicates > 0 ? $", {r.Duplicates} repeating another speech (*)" : "")} ({r.TookMs:0.0} ms)");
        var width = Math.Clamp(context, 0, ConcordanceBuilder.MaxContext);
        foreach (var line in r.Lines)
        {
            var left = Pad(line.Left, width);
            var hit = Terminal.Plain ? $"«{Markup.Escape(line.Hit)}»" : $"[black on yellow]{Markup.Escape(line.Hit)}[/]";
            var date = line.Source.Date ?? line.Source.Year?.ToString(CultureInfo.InvariantCulture) ?? "----";
            AnsiConsole.MarkupLine($"{Markup.Escape(date),-10} {Markup.Escape(left)}{hit}{Markup.Escape(line.Right)}  [grey]{Markup.Escape(line.Source.PassageId)}{(line.DuplicateOf is null ? "" : " *" + Markup.Escape(line.DuplicateOf))}[/]");
        }

        if (r.ByYear.Count > 0)
        {
            AnsiConsole.MarkupLine("\n[grey]by year:[/] " + string.Join("  ", r.ByYear.Select(y => $"{y.Year} {y.Count}")));
        }
    }

    /// <summary>Right-aligns the left context to a fixed display width (a Han character is two columns).</summary>
    private static string Pad(string text, int width)
    {
        var columns = text.Sum(c => c > 0x2E80 ? 2 : 1);
        return new string(' ', Math.Max(0, (2 * width) - columns)) + text;
    }
}
