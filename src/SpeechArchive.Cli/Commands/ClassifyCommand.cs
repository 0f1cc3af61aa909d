using System.CommandLine;
using SpeechArchive.Classification;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>classify</c>: label a text (a draft, or any file) sentence by sentence and passage by passage, with reasons.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "Text or Markdown file to classify (default: standard input)", Arity = ArgumentArity.ZeroOrOne };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Taxonomy file (default: corpus/taxonomy.yaml if present, else the built-in one)" };
        var command = new Command("classify", "Print the directive type of every sentence and the themes of every passage as JSON, with reasons.") { file, taxonomy };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var path = parse.GetValue(file);
            var text = path is null ? Console.In.ReadToEnd() : ReadText(path);
            var classifier = new SpeechClassifier(LoadTaxonomy(parse.GetValue(taxonomy)));
            Console.WriteLine(classifier.ClassifyText(text.Replace("\r\n", "\n", StringComparison.Ordinal)).ToJson());
            return 0;
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

        var result = new Documents.DocumentReader().Read(new Documents.CorpusFile(Path.GetFileName(path), Path.GetFullPath(path), new FileInfo(path).Length), null);
        return result.Document?.Text ?? throw new SpeechArchiveException($"{path}: {result.Reason}");
    }
}
