using System.CommandLine;
using System.Globalization;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>trends</c>: occurrences per 10,000 characters by year for phrases side by side, or theme shares by year.</summary>
internal static class TrendsCommand
{
    public static Command Create()
    {
        var phrases = new Argument<string[]>("phrase") { Description = "Phrases to compare (quote a phrase holding OR); none with --themes", Arity = ArgumentArity.ZeroOrMore };
        var filter = new Option<string[]>("--filter") { Description = "Filters in query syntax (year:2000..2025, org:…)", AllowMultipleArgumentsPerToken = true };
        var themes = new Option<bool>("--themes") { Description = "Theme shares by year instead of phrases" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV" };
        var json = CommonOptions.Json("the trend");
        var command = new Command("trends", "Phrase frequency per 10,000 characters by year, or theme shares by year.") { phrases, filter, themes, csv, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var filters = parse.GetValue(filter) ?? [];
            if (parse.GetValue(themes))
            {
                if (parse.GetValue(phrases) is [_, ..] given)
                {
                    throw new UsageException($"--themes shows each theme's share of the passages by year and takes no phrase (got {string.Join(' ', given)}): drop the phrase, or drop --themes to compare phrases.");
                }

                return CommonOptions.Print(parse, json, TrendBuilder.Themes(index, filters), t =>
                {
                    if (parse.GetValue(csv))
                    {
                        Console.Write(TrendBuilder.Csv(t));
                    }
                    else
                    {
                        Print(t);
                    }
                });
            }

            var result = TrendBuilder.Phrases(index, new TrendRequest { Phrases = parse.GetValue(phrases) ?? [], Filters = filters });
            return CommonOptions.Print(parse, json, result, r =>
            {
                if (parse.GetValue(csv))
                {
                    Console.Write(TrendBuilder.Csv(r));
                }
                else
                {
                    Print(r);
                }
            });
        }));
        return command;
    }

    private static void Print(TrendResult result)
    {
        var table = new Table().AddColumns(["year", "characters", .. result.Series.Select(s => s.Phrase + " /10k")]);
        for (var i = 0; i < result.Years.Count; i++)
        {
            if (result.Characters[i] > 0)
            {
                table.AddRow([result.Years[i].ToString(CultureInfo.InvariantCulture), result.Characters[i].ToString("N0", CultureInfo.InvariantCulture),
                    .. result.Series.Select(s => $"{s.PerTenThousand[i]:0.00} ({s.Occurrences[i]})")]);
            }
        }

        AnsiConsole.Write(table);
    }

    private static void Print(ThemeTrendResult result)
    {
        var table = new Table().AddColumns(["year", "passages", .. result.Themes.Select(t => t.Label)]);
        for (var i = 0; i < result.Years.Count; i++)
        {
            if (result.Passages[i] > 0)
            {
                table.AddRow([result.Years[i].ToString(CultureInfo.InvariantCulture), result.Passages[i].ToString("N0", CultureInfo.InvariantCulture),
                    .. result.Themes.Select(t => (t.Shares[i] * 100).ToString("0", CultureInfo.InvariantCulture) + "%")]);
            }
        }

        AnsiConsole.Write(table);
    }
}
