using System.CommandLine;
using System.Globalization;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// <c>eval-reading</c>: how free text is read against the thesaurus's formulations, on queries labelled with the formulations
/// they describe and on the thesaurus's own descriptions held out a fold at a time (<see cref="ReadingEvaluator"/>).
/// </summary>
internal static class EvalReadingCommand
{
    public const string DefaultGold = "tests/SpeechArchive.Tests/Fixtures/Topical/reading-gold.tsv";

    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = $"Labelled queries TSV: id, kind, split, query, formulations (comma-separated, - for none) (default: {DefaultGold})", DefaultValueFactory = _ => DefaultGold };
        var folds = new Option<int>("--folds") { Description = "Also read every description against the thesaurus without its fold, of this many (0: not; else 2 to 100)", DefaultValueFactory = _ => 0 }.Within(0, 100);
        folds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() == 1)
            {
                r.AddError("--folds 1 would hold every description out at once: give 0 or 2 to 100");
            }
        });
        var corpus = new Option<string[]>("--corpus")
        {
            Description = $"Folders to index into a temporary index (default: {string.Join(", ", EvalIndex.DefaultCorpus)}); --existing uses --index instead",
            AllowMultipleArgumentsPerToken = true,
        };
        var existing = new Option<bool>("--existing") { Description = "Evaluate the index in --index instead of building one" };
        var show = new Option<bool>("--show") { Description = "Also print every labelled query's reading" };
        var learn = new Option<bool>("--learn") { Description = "Instead of scoring, learn the reader's weights from the descriptions held out a fold at a time (--folds, default 10), and print them with what each threshold reads" };
        var json = CommonOptions.Json("the scores and readings");
        var command = new Command("eval-reading", "Score how free text is read against the thesaurus's formulations: on labelled queries, and on its own descriptions held out.")
            { gold, folds, corpus, existing, show, learn, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var labelled = ReadingEvaluator.LoadGold(parse.GetValue(gold)!);
            if (parse.GetValue(learn))
            {
                var model = FormulationReaderLearner.Learn(ArchiveOptions.LoadThesaurus(parse), new Analysis.Segmenter(Analysis.Lexicon.Base), parse.GetValue(folds) is var n and > 0 ? n : 10, labelled, Console.Error.WriteLine);
                return CommonOptions.Print(parse, json, model, PrintModel);
            }

            return EvalIndex.With(parse, corpus, existing, index =>
            {
                var thesaurus = ArchiveOptions.LoadThesaurus(parse);
                var report = ReadingEvaluator.Gold(new Searcher(index, new QueryUnderstanding(thesaurus)), labelled);
                var heldOut = parse.GetValue(folds) is var k and > 0
                    ? ReadingEvaluator.HeldOutDescriptions(thesaurus, k, t => new Searcher(index, new QueryUnderstanding(t)))
                    : null;
                return CommonOptions.Print(parse, json, new { Labelled = report, HeldOut = heldOut }, r =>
                {
                    if (parse.GetValue(show))
                    {
                        foreach (var x in report.Results)
                        {
                            var mark = x.Expected.Count == 0 ? (x.Read.Count == 0 ? " " : "!") : x.Read.Count > 0 && x.Expected.Contains(x.Read[0]) ? "+" : x.Read.Any(x.Expected.Contains) ? "~" : "-";
                            Console.WriteLine($"{mark} {x.Id,-6} {x.Query}  → {string.Join("、", x.Read)}  (expected {(x.Expected.Count == 0 ? "none" : string.Join("、", x.Expected))})");
                        }
                    }

                    Print(report.Scores, "labelled queries");
                    if (heldOut is not null)
                    {
                        Print(heldOut.Scores, $"descriptions held out, {parse.GetValue(folds)} folds");
                    }
                });
            });
        }));
        return command;
    }

    private static void PrintModel(FormulationReaderModel model)
    {
        EvalTopicalCommand.PrintWeights(model.Names, model.Weights, model.Standardised,
            $"From {model.HeldOut:N0} held-out descriptions, the right formulation first for {model.FirstRight:0.000}. As FormulationReader.Weights:");
        var thresholds = new Table().Title("read directly at each threshold: the first formulation right / one read wrong / none read")
            .AddColumns("threshold", "descriptions held out", "labelled queries to learn from (tune, tune2)");
        foreach (var t in model.Thresholds)
        {
            thresholds.AddRow(EvalTopicalCommand.F4(t.Threshold), Row(t.HeldOut), Row(t.Tune));
        }

        AnsiConsole.Write(thresholds);

        static string Row(ReadCounts r) => $"{r.Right} / {r.Wrong} / {r.Silent} of {r.Queries}";
    }

    private static void Print(IReadOnlyList<ReadingScore> scores, string title)
    {
        var table = new Table().Title(title).AddColumns("group", "queries", "describe one", "first read right", "some read right", "silent", "a wrong one read", "read where none", "searched somehow");
        foreach (var s in scores)
        {
            table.AddRow(s.Group, N(s.Queries), N(s.Described), Share(s.FirstRight, s.Described), Share(s.AnyRight, s.Described), Share(s.Silent, s.Described),
                Share(s.Wrong, s.Queries), Share(s.FalseFire, s.Queries - s.Described), Share(s.Searched, s.Described));
        }

        AnsiConsole.Write(table);

        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string Share(int n, int of) => of == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{n} ({(double)n / of:0.000})");
    }
}
