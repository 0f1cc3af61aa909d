using System.CommandLine;
using SpeechArchive.Classification;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>classify</c>: label a text (a draft, or any file) sentence by sentence and passage by passage, with reasons.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "Text or Markdown file to classify, or - for standard input (the default)", Arity = ArgumentArity.ZeroOrOne };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Taxonomy file (default: corpus/taxonomy.yaml if present, else the built-in one)" };
        var json = CommonOptions.Json("the labels with their reasons and offsets");
        var command = new Command("classify", "Label a text: the directive type of every sentence and the themes of every passage, with reasons.") { file, taxonomy, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var path = parse.GetValue(file);
            var text = path is null or "-" ? Console.In.ReadToEnd() : ReadText(path);
            var labels = LoadTaxonomy(parse.GetValue(taxonomy));
            var result = new SpeechClassifier(labels).ClassifyText(text.Replace("\r\n", "\n", StringComparison.Ordinal));
            return CommonOptions.Print(parse, json, result, r => Print(r, labels));
        }));
        return command;
    }

    internal static Taxonomy LoadTaxonomy(string? path)
    {
        if (path is not null)
        {
            return Taxonomy.Load(path);
        }

        return File.Exists(Path.Combine("corpus", "taxonomy.yaml")) ? Taxonomy.Load(Path.Combine("corpus", "taxonomy.yaml")) : Taxonomy.Default;
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpeechArchiveException($"No such file: {path}");
        }

        return CommonOptions.ReadDocumentText(path);
    }

    /// <summary>Headings and sentences in text order, each with its directive type; a passage's themes before its first sentence.</summary>
    private static void Print(ClassifiedText result, Taxonomy taxonomy)
    {
        var shares = result.ThemeShares.OrderByDescending(t => t.Value).Select(t => $"{taxonomy.LabelOf(t.Key) ?? t.Key} {t.Value:P0}");
        AnsiConsole.MarkupLine($"{result.Sentences.Count(s => s.Kind == "sentence")} sentences in {result.Passages.Count} passages; [green]主题 {Markup.Escape(string.Join("  ", shares))}[/]");
        var passage = -1;
        foreach (var s in result.Sentences)
        {
            if (s.PassageOrdinal >= 0 && s.PassageOrdinal != passage)
            {
                passage = s.PassageOrdinal;
                var p = result.Passages.First(x => x.Ordinal == passage);
                var themes = p.ThemeLabels.Count > 0 ? $"[green]主题 {Markup.Escape(string.Join("、", p.ThemeLabels))}[/] [grey]{Markup.Escape(string.Join("; ", p.Reasons))}[/]" : "[grey]主题 —[/]";
                AnsiConsole.MarkupLine($"\n[grey]¶{p.Ordinal} @{p.Start}–{p.End}[/] {themes}");
            }

            var text = s.Kind == "sentence" ? Markup.Escape(s.Text) : $"[bold]{Markup.Escape(s.Text)}[/] [grey]({s.Kind})[/]";
            AnsiConsole.MarkupLine($"{(s.Kind == "sentence" ? "  " : "\n")}[yellow]{Markup.Escape(s.DirectiveLabel ?? "—")}[/] {text}");
            AnsiConsole.MarkupLine($"      [grey]{Markup.Escape(string.Join("; ", s.Reasons))}[/]");
        }
    }
}
