using System.CommandLine;
using SpeechArchive.Indexing;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>check</c>: is the index file sound? SQLite's quick check over every page; a damaged file is named with the way back.</summary>
internal static class CheckCommand
{
    private const string Description = "Check that the index file is sound (SQLite's quick check of every page); a damaged one exits 3 with how to rebuild it.";

    public static Command Create()
    {
        var json = CommonOptions.Json("the result");
        var command = new Command("check", Description) { json };
        command.SetAction(parse => CliErrors.Run(() => Check(parse, json)));
        return command;
    }

    private static int Check(ParseResult parse, Option<bool> json)
    {
        var index = Path.GetFullPath(parse.GetValue(CommonOptions.Index)!);
        var took = Indexer.Check(index);
        return CommonOptions.Print(parse, json, new CheckResult(index, true, Math.Round(took.TotalMilliseconds, 1)),
            r => Console.WriteLine($"ok: the index in {r.Index} passed SQLite's quick check ({r.Milliseconds} ms)"));
    }

    private sealed record CheckResult(string Index, bool Ok, double Milliseconds);
}
