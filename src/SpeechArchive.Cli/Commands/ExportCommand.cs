using System.CommandLine;
using System.Globalization;
using SpeechArchive.Export;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>export --format elasticsearch --out DIR</c>: the index as index templates and bulk files for Elasticsearch 8 or OpenSearch.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "What to export for (elasticsearch: Elasticsearch 8 and OpenSearch)", Required = true };
        format.AcceptOnlyFromAmong("elasticsearch");
        var output = new Option<string>("--out") { Description = "Folder to write into: new, empty, or a previous export's", Required = true };
        var perFile = new Option<int>("--docs-per-file") { Description = "At most this many documents per bulk file (default 5000)", DefaultValueFactory = _ => 5000 };
        perFile.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--docs-per-file must be at least 1");
            }
        });
        var json = CommonOptions.Json("what was written");
        var command = new Command("export", "Export the index as index templates and bulk files for Elasticsearch 8 / OpenSearch (docs/scaling.md).")
        {
            format, output, perFile, json,
        };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var index = CommonOptions.OpenIndex(parse);
            var result = ElasticExporter.Export(index, new ElasticExportOptions { OutputDirectory = parse.GetValue(output)!, DocsPerFile = parse.GetValue(perFile) });
            return CommonOptions.Print(parse, json, result, Print);
        }));
        return command;
    }

    private static void Print(ElasticExportResult r)
    {
        var vectors = r.Dimensions is { } d ? $"{r.Vectors:N0} vectors of {d} dimensions ({r.VectorModel} model)" : "no vectors";
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{r.Passages:N0} passages in {Files(r.PassageFiles.Count)}, {r.Speeches:N0} speeches in {Files(r.SpeechFiles.Count)}, {vectors}, {r.TemplateWords:N0} of {r.LexiconWords:N0} lexicon words in the word list")));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{r.Bytes / 1024.0 / 1024.0:F1} MB in {r.Seconds:F1} s → {r.OutputDirectory} (README.md there says how to load it)")));
    }

    private static string Files(int n) => n == 1 ? "1 bulk file" : $"{n} bulk files";
}
