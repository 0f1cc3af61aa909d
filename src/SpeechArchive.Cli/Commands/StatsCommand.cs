using System.CommandLine;
using System.Globalization;
using SpeechArchive.Search;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>stats</c>: what the index holds.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("the statistics");
        var command = new Command("stats", "Index statistics: speeches, passages, terms, size, years, labels.") { json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var stats = IndexStatistics.Of(CommonOptions.OpenIndex(parse));
            return CommonOptions.Print(parse, json, stats, Print);
        }));
        return command;
    }

    private static void Print(IndexStatistics stats)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[grey]speeches 讲话[/]", stats.Speeches.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("[grey]passages 段落[/]", stats.Passages.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("[grey]characters[/]", stats.Characters.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("[grey]terms[/]", stats.Terms.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("[grey]index size[/]", $"{stats.IndexBytes / 1024.0 / 1024.0:F1} MB ({stats.IndexBytes / Math.Max(1.0, stats.TextBytes):F2}× the UTF-8 text)");
        grid.AddRow("[grey]generation[/]", stats.Generation.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("[grey]meaning 词向量[/]", stats.Meaning is not { } m ? "none" : Markup.Escape(
            $"{m.Model} model, generation {m.Generation}: {m.Words:N0} words × {m.Dimensions} ({m.Provenance})"));
        grid.AddRow("[grey]years[/]", stats.YearFrom is null ? "—" : $"{stats.YearFrom}–{stats.YearTo} ({stats.WithoutYear} speeches without a year)");
        AnsiConsole.Write(grid);
        var themes = new Table().Border(TableBorder.Simple).AddColumn("主题 theme").AddColumn("passages");
        foreach (var t in stats.Themes)
        {
            themes.AddRow(Markup.Escape(t.Label), t.Count.ToString(CultureInfo.InvariantCulture));
        }

        var types = new Table().Border(TableBorder.Simple).AddColumn("指示类型 type").AddColumn("passages");
        foreach (var t in stats.DirectiveTypes)
        {
            types.AddRow(Markup.Escape(t.Label), t.Count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(new Columns(themes, types) { Expand = false }); // side by side, not spread over the width (4,096 in a pipe)
    }
}
