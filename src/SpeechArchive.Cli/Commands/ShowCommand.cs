using System.CommandLine;
using SpeechArchive.Search;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>show</c>: a speech's metadata (with provenance and confidence), its outline, labels and passages.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("speech-id") { Description = "Speech id as printed by search (speechId)" };
        var passages = new Option<bool>("--passages") { Description = "List every passage and sentence with its section path, labels and the reasons for them" };
        var json = CommonOptions.Json("the speech");
        var command = new Command("show", "Show one speech: metadata, where it came from, outline, labels.") { id, passages, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var speechId = parse.GetValue(id)!;
            var view = SpeechView.Create(index, speechId, withReasons: parse.GetValue(passages))
                ?? throw new UsageException($"No speech with id '{speechId}' in the index. `search` prints speech ids.");
            return CommonOptions.Print(parse, json, view, v => Print(v, parse.GetValue(passages)));
        }));
        return command;
    }

    private static void Print(SpeechView v, bool withPassages)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(v.Title)}[/]  [grey]{Markup.Escape(v.Id)}[/]");
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string k, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow($"[grey]{k}[/]", Markup.Escape(value));
            }
        }

        Row("file", v.File);
        Row("title from", $"{v.TitleProvenance?.Origin} (confidence {v.TitleProvenance?.Confidence:F2})");
        Row("date", v.Date);
        Row("year", v.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("year from", $"{v.YearProvenance?.Origin} (confidence {v.YearProvenance?.Confidence:F2})");
        Row("speaker", v.Speaker);
        Row("organization", v.Organization);
        Row("category", v.Category is null ? null : v.CategoryLabel + " (" + v.Category + ")");
        Row("meeting", v.Meeting);
        Row("source", v.Source);
        Row("tags", string.Join("，", v.Tags));
        Row("salutation", v.Salutation);
        Row("size", $"{v.Characters:N0} chars, {v.Passages.Count} passages, {v.Sections.Count} sections");
        Row("themes", string.Join("  ", v.ThemeShares.Select(t => $"{t.Label} {t.Share:P0}")));
        foreach (var w in v.Warnings)
        {
            Row("warning", w);
        }

        AnsiConsole.Write(grid);
        if (v.Sections.Count > 0)
        {
            AnsiConsole.MarkupLine("\n[bold]提纲 outline[/]");
            foreach (var s in v.Sections)
            {
                AnsiConsole.MarkupLine($"{new string(' ', 2 * s.Level)}{Markup.Escape(s.Heading)}");
            }
        }

        if (withPassages)
        {
            foreach (var p in v.Passages)
            {
                AnsiConsole.MarkupLine($"\n[grey]{Markup.Escape(p.Id)}[/] [blue]{Markup.Escape(p.Section)}[/] [grey]@{p.Start}–{p.End}[/]");
                if (p.Themes.Count > 0)
                {
                    AnsiConsole.MarkupLine($"  [green]主题 {Markup.Escape(string.Join("、", p.Themes))}[/] [grey]{Markup.Escape(string.Join("; ", p.ThemeReasons ?? []))}[/]");
                }

                foreach (var s in p.Sentences)
                {
                    AnsiConsole.MarkupLine($"  [yellow]{Markup.Escape(s.DirectiveType ?? "—")}[/] {Markup.Escape(s.Text)}");
                    if (s.Reasons is { Count: > 0 })
                    {
                        AnsiConsole.MarkupLine($"      [grey]{Markup.Escape(string.Join("; ", s.Reasons))}[/]");
                    }
                }
            }
        }
    }
}
