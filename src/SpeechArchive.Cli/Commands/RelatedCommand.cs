using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>related</c>: terms that occur with a query far more than chance (significant terms).</summary>
internal static class RelatedCommand
{
    public static Command Create()
    {
        var query = Usage.QuerySyntax(new Argument<string[]>("query") { Description = "Words and filters, as for search", Arity = ArgumentArity.OneOrMore });
        var limit = new Option<int>("--limit") { Description = "How many terms (default 20)", DefaultValueFactory = _ => 20 }.Within(1, 100);
        var json = CommonOptions.Json("the terms");
        var command = new Command("related", "Terms that occur with the query far more than in the archive at large, and words near it in meaning.") { query, limit, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var searcher = ArchiveOptions.OpenSearcher(parse);
            var result = RelatedTerms.Find(searcher.Index, string.Join(' ', parse.GetValue(query) ?? []), null, parse.GetValue(limit), searcher);
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    private static void Print(RelatedTermsResult result)
    {
        AnsiConsole.MarkupLine(result.ReadAs.Count > 0
            ? $"no passage holds it as written: the search's best {result.Foreground} for it, read as {Markup.Escape(string.Join(" ", result.ReadAs))} ({result.TookMs:0.0} ms)"
            : $"{result.Foreground} matching passages ({result.TookMs:0.0} ms)");
        var table = new Table().AddColumns("term", "with query", "in archive", "score");
        foreach (var t in result.Terms)
        {
            table.AddRow(Markup.Escape(t.Term), t.Foreground.ToString(CultureInfo.InvariantCulture), t.Background.ToString(CultureInfo.InvariantCulture), t.Score.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (result.NearInMeaning.Count > 0)
        {
            AnsiConsole.MarkupLine("near in meaning 意思相近: " + Markup.Escape(string.Join("  ", result.NearInMeaning.Select(n =>
                string.Create(CultureInfo.InvariantCulture, $"{n.Word} ({n.Cosine:0.00}, {n.Passages})")))));
        }
    }
}
