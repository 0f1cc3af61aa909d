using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>neighbours</c>: the words nearest a word by meaning, as the index's ranking by meaning reads it.</summary>
internal static class NeighboursCommand
{
    public static Command Create()
    {
        var word = new Argument<string>("word") { Description = "A word or phrase" };
        var limit = new Option<int>("--limit") { Description = $"How many words (default 20, at most {Neighbours.MaxLimit})", DefaultValueFactory = _ => 20 }.Within(1, Neighbours.MaxLimit);
        var json = CommonOptions.Json("how the words were read and their neighbours");
        var command = new Command("neighbours", "The words nearest a word by meaning, as search reads it (why a passage matched by meaning).") { word, limit, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var result = Neighbours.Find(CommonOptions.OpenIndex(parse), parse.GetValue(word)!, parse.GetValue(limit));
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    private static void Print(NeighboursResult result)
    {
        var readings = result.ReadAs.Select(r => $"{r.Word} ({r.Source switch
        {
            WordReading.OwnVector => "its own vector",
            WordReading.FromPassages => $"read from the {r.Passages} passages holding it",
            _ => "composed from its characters",
        }})");
        AnsiConsole.MarkupLine(Markup.Escape($"{result.Text} → {string.Join(" + ", readings)}"));
        var table = new Table().AddColumns("word 词", "cosine", "passages");
        foreach (var n in result.Neighbours)
        {
            table.AddRow(Markup.Escape(n.Word), n.Cosine.ToString("0.000", CultureInfo.InvariantCulture), n.Passages.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }
}
