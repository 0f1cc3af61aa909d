using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Semantics;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// <c>vectors learn</c>: learns word vectors from corpus folders (the base vectors are made this way); <c>vectors near</c>:
/// the words nearest to a word or phrase.
/// </summary>
internal static class VectorsCommand
{
    public const string BaseVectorsPath = "src/SpeechArchive.Core/Semantics/BaseVectors.bin";

    public static Command Create()
    {
        var command = new Command("vectors", "Word vectors learned from the archive: learn them from texts, or list a word's nearest words.");
        command.Subcommands.Add(Learn());
        command.Subcommands.Add(Near());
        return command;
    }

    private static Command Learn()
    {
        var corpus = CommonOptions.LearnFrom();
        var output = new Option<string>("--out") { Description = $"Where to write the vectors (the base vectors: {BaseVectorsPath})", Required = true };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions (default 64)", DefaultValueFactory = _ => 64 };
        var words = new Option<int>("--words") { Description = "At most this many words, most frequent first (default 40000)", DefaultValueFactory = _ => 40_000 };
        var command = new Command("learn", "Learn word vectors from the texts of corpus folders (PPMI over a window, randomized eigendecomposition).") { corpus, output, dimensions, words };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var folders = parse.GetValue(corpus)!;
            var clock = Stopwatch.StartNew();
            var (texts, files) = CommonOptions.ReadTexts(folders);
            var characters = texts.Sum(t => (long)t.Length);
            var options = new VectorTrainingOptions { Dimensions = parse.GetValue(dimensions), MaxWords = parse.GetValue(words) };
            var provenance = string.Create(CultureInfo.InvariantCulture,
                $"speecharchive vectors learn --corpus {string.Join(' ', folders)} --out {parse.GetValue(output)} --dimensions {options.Dimensions} --words {options.MaxWords}: {files} files, {characters:N0} characters, the base lexicon, seed {options.Seed}");
            var vectors = VectorTrainer.Train(texts, new Segmenter(Lexicon.Base), options, provenance);
            using (var stream = File.Create(parse.GetValue(output)!))
            {
                vectors.Write(stream);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{vectors.Count:N0} words × {vectors.Dimensions} dimensions from {files} files, {characters:N0} characters, in {clock.Elapsed.TotalSeconds:F1} s; {new FileInfo(parse.GetValue(output)!).Length:N0} bytes"));
            return 0;
        }));
        return command;
    }

    private static Command Near()
    {
        var text = new Argument<string>("word") { Description = "A word or phrase (a phrase: the mean of its words)" };
        var path = new Option<string?>("--vectors") { Description = "A vector file instead of the base vectors" };
        var limit = new Option<int>("--limit") { Description = "How many words (default 20)", DefaultValueFactory = _ => 20 };
        var json = CommonOptions.Json("the words with their cosines");
        var command = new Command("near", "The words whose vectors are nearest to a word's.") { text, path, limit, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var file = parse.GetValue(path);
            var vectors = file is null ? WordVectors.Base ?? throw new SpeechArchiveException("This build has no base vectors: run `vectors learn` first.")
                : WordVectors.Read(File.OpenRead(file), file);
            var input = parse.GetValue(text)!;
            var words = new Segmenter(Lexicon.Base).Segment(input).Select(w => w.Text).ToList();
            var query = QueryVector(vectors, input, words) ?? throw new SpeechArchiveException($"No vector for '{input}': none of its words or characters is known.");
            var near = vectors.Nearest(query, parse.GetValue(limit), w => w != input).Select(n => new { n.Word, n.Cosine }).ToList();
            return CommonOptions.Print(parse, json, near, list =>
            {
                AnsiConsole.MarkupLine(Markup.Escape($"{input} → {string.Join(" / ", words)}"));
                var table = new Table().AddColumns("word 词", "cosine");
                foreach (var n in list)
                {
                    table.AddRow(Markup.Escape(n.Word), n.Cosine.ToString("0.000", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
            });
        }));
        return command;
    }

    private static float[]? QueryVector(WordVectors vectors, string input, List<string> words)
    {
        if (vectors.Contains(input))
        {
            return vectors.Of(input).ToArray();
        }

        var sum = new float[vectors.Dimensions];
        foreach (var word in words)
        {
            if (vectors.Vector(word) is { } v)
            {
                for (var d = 0; d < sum.Length; d++)
                {
                    sum[d] += v[d];
                }
            }
        }

        return VectorMath.Normalize(sum) ? sum : null;
    }
}
