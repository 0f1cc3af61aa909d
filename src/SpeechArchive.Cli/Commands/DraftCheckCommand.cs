using System.CommandLine;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>draft-check</c>: each sentence of a draft with its closest precedents and the runs it shares verbatim.</summary>
internal static class DraftCheckCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The draft: a text or Markdown file (read as the indexer reads the corpus: UTF-8, GB18030 or UTF-16; front matter left out), or - for standard input" };
        var precedents = new Option<int>("--precedents") { Description = "Precedents per sentence (default 3)", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json("the check");
        var command = new Command("draft-check", $"Check a draft (up to {DraftCheckRequest.MaxCharacters:N0} characters) against the archive, sentence by sentence.") { file, precedents, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? Console.In.ReadToEnd() : ReadDraft(path);
            var result = DraftChecker.Check(CommonOptions.OpenIndex(parse), new DraftCheckRequest
            {
                Text = text,
                PrecedentsPerSentence = parse.GetValue(precedents),
                Markdown = path == "-" ? null : false, // a file was read as the indexer reads it (a .md file's markup already turned into text)
            });
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    /// <summary>
    /// The draft's text as the indexer would read it: the encoding detected, a Markdown file's front matter left out and its
    /// markup turned into plain text; a file the indexer would refuse (binary, empty, too large) is refused with its reason.
    /// </summary>
    private static string ReadDraft(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"no such draft file: {path}");
        }

        return CommonOptions.ReadDocumentText(path);
    }

    /// <summary>The sentences <paramref name="cut"/> picks out (sentence 3, sentences 3, 5–9), or null when none.</summary>
    private static string? Named(IEnumerable<DraftSentence> sentences, Func<DraftSentence, bool> cut)
    {
        var ranges = DraftChecker.Ranges(sentences.Where(cut).Select(s => s.Number));
        var named = DraftChecker.RangeText(ranges, ", ");
        return ranges.Count == 0 ? null : (ranges is [var one] && one.First == one.Last ? "sentence " : "sentences ") + named;
    }

    private static void Print(DraftCheckResult result)
    {
        AnsiConsole.MarkupLine($"{result.Sentences.Count} {Terminal.Noun(result.Sentences.Count, "sentence", "sentences")}, {result.SentencesWithRuns} sharing runs of 8+ characters verbatim ({result.TookMs:0} ms)");
        if (Named(result.Sentences, s => s.RunLookupsCut) is { } runsCut)
        {
            AnsiConsole.MarkupLine($"[grey]the lookup of runs stopped at the draft's budget: {runsCut} had their runs looked for among their closest passages only[/]");
        }

        if (Named(result.Sentences, s => s.ClauseLookupsCut) is { } clausesCut)
        {
            AnsiConsole.MarkupLine($"[grey]the lookup of clauses stopped at the draft's budget: {clausesCut} were not checked clause by clause[/]");
        }

        foreach (var s in result.Sentences)
        {
            AnsiConsole.MarkupLine($"\n[bold]{s.Number}.[/] {Markup.Escape(s.Text)}");
            if (s.RunLookupsCut || s.ClauseLookupsCut)
            {
                var parts = new[] { s.RunLookupsCut ? "runs looked for among its closest passages only" : null, s.ClauseLookupsCut ? "clauses not checked" : null };
                AnsiConsole.MarkupLine($"   [grey]budget spent: {string.Join("; ", parts.OfType<string>())}[/]");
            }

            foreach (var run in s.Runs)
            {
                AnsiConsole.MarkupLine($"   [yellow]verbatim[/] {Markup.Escape(run.Text)} [grey]— {Markup.Escape(run.Source.Citation)} {Markup.Escape(run.PassageId)}[/]");
            }

            foreach (var p in s.Precedents)
            {
                var clause = p.Clause is null ? "" : $"[blue]clause[/] {Markup.Escape(p.Clause.Text)} → ";
                var misquote = p.MisquoteOf is null ? "" : "[red]likely misquote of[/] ";
                AnsiConsole.MarkupLine($"   {p.Similarity:0.00} {clause}{misquote}{Markup.Escape(p.Matched)} [grey]— {Markup.Escape(p.Source.Citation)} {Markup.Escape(p.Source.PassageId)}[/]");
            }
        }
    }
}
