using System.Globalization;
using System.CommandLine;
using SpeechArchive.Indexing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>index</c>: bring the index in line with a corpus folder.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus folder of .md/.txt speeches (default: corpus/)", DefaultValueFactory = _ => "corpus" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Start over from an empty index (the old one stays until the new one commits)" };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Taxonomy file (default: taxonomy.yaml in the corpus, else the built-in one)" };
        var json = CommonOptions.Json("the run summary");
        var command = new Command("index", "Index a corpus folder: adds new files, re-parses changed ones, removes deleted ones.") { corpus, rebuild, taxonomy, json };
        command.SetAction(parse => CliErrors.Run(() => Run(new IndexOptions
        {
            CorpusDirectory = parse.GetValue(corpus)!,
            IndexDirectory = parse.GetValue(CommonOptions.Index)!,
            Rebuild = parse.GetValue(rebuild),
            TaxonomyPath = parse.GetValue(taxonomy),
        }, parse.GetValue(json))));
        return command;
    }

    private static int Run(IndexOptions options, bool json)
    {
        var result = json || !AnsiConsole.Profile.Capabilities.Interactive
            ? Indexer.Run(options, new SynchronousProgress<IndexProgress>(p => LogProgress(p, json)))
            : WithProgressBar(options);
        if (json)
        {
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, Search.JsonDefaults.Indented));
        }
        else
        {
            Summary(result, options);
        }

        return result.Failed.Count > 0 ? CliErrors.Failed : 0;
    }

    /// <summary>The last percentage logged per stage: stages overlap (the writer commits while workers still parse).</summary>
    private static readonly Dictionary<string, int> LastLogged = new(StringComparer.Ordinal);

    private static void LogProgress(IndexProgress p, bool quiet)
    {
        if (quiet || p.Total == 0)
        {
            return;
        }

        var percent = p.Done * 100 / p.Total;
        lock (LastLogged)
        {
            var last = LastLogged.GetValueOrDefault(p.Stage, -1);
            if (last < 0 || percent / 25 != last / 25 || p.Done == p.Total)
            {
                LastLogged[p.Stage] = percent;
                Console.Error.WriteLine($"{p.Stage}: {p.Done}/{p.Total}");
            }
        }
    }

    private static IndexRunResult WithProgressBar(IndexOptions options)
    {
        IndexRunResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress<IndexProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        task = ctx.AddTask(StageLabel(p.Stage), maxValue: Math.Max(1, p.Total));
                        tasks[p.Stage] = task;
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = Indexer.Run(options, progress);
            });
        return result!;
    }

    private static string StageLabel(string stage) => stage switch
    {
        "read" => "读取 read",
        "parse" => "解析 parse",
        "relabel" => "重新标注 relabel",
        _ => "提交 commit",
    };

    /// <summary>What the vector stage did with the passages' cells, said after the passages embedded (nothing when there are none).</summary>
    private static string Cells(VectorRefresh v) =>
        v.Cells == 0 ? ""
        : v.CellsMade ? string.Create(CultureInfo.InvariantCulture, $", {v.Cells:N0} cells made ({v.CellsSeconds:F1} s)")
        : string.Create(CultureInfo.InvariantCulture, $", {v.Cells:N0} cells kept ({v.CellsAssigned:N0} passages put in them)");

    private static void Summary(IndexRunResult r, IndexOptions options)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(options.CorpusDirectory)} → {Markup.Escape(options.IndexDirectory)}[/]");
        table.AddColumn("added");
        table.AddColumn("updated");
        table.AddColumn("unchanged");
        table.AddColumn("removed");
        table.AddColumn("relabelled");
        table.AddColumn("failed");
        table.AddRow($"{r.Added}", $"{r.Updated}", $"{r.Unchanged}", $"{r.Removed}", $"{r.Relabelled}", r.Failed.Count > 0 ? $"[red]{r.Failed.Count}[/]" : "0");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(
            $"{r.Speeches} speeches, {r.Passages} passages, {r.Characters:N0} chars read, index {r.IndexBytes / 1024.0 / 1024.0:F1} MB, generation {r.Generation}, {r.Elapsed.TotalSeconds:F2} s{(r.Committed ? "" : " (nothing changed, nothing written)")}");
        if (r.Vectors is { } v)
        {
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"meaning: {v.Model} vectors, model generation {v.Generation}{(v.Learned ? $" (learned now, {v.LearnSeconds:F1} s)" : "")}, {v.Embedded:N0} of {v.Passages:N0} passages embedded{Cells(v)}")));
        }

        if (r.Failed.Count > 0)
        {
            var failed = new Table().Border(TableBorder.Simple).AddColumn("failed file").AddColumn("reason");
            foreach (var f in r.Failed)
            {
                failed.AddRow(Markup.Escape(f.File), Markup.Escape(f.Reason));
            }

            AnsiConsole.Write(failed);
        }

        foreach (var w in r.Warnings.Take(20))
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }

        if (r.Warnings.Count > 20)
        {
            AnsiConsole.MarkupLine($"[yellow]… and {r.Warnings.Count - 20} more warnings (use --json to see all)[/]");
        }
    }
}
