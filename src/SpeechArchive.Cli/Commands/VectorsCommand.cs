using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Semantics;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// <c>vectors learn</c>: learns word vectors from corpus folders (the base vectors are made this way); <c>vectors near</c>:
/// the words nearest to a word or phrase; <c>vectors compare</c>: how far two models agree on words' neighbours.
/// </summary>
internal static class VectorsCommand
{
    public const string BaseVectorsPath = "src/SpeechArchive.Core/Semantics/BaseVectors.bin";

    public static Command Create()
    {
        var command = new Command("vectors", "Word vectors learned from the archive: learn them from texts, list a word's nearest words, or compare two models.");
        command.Subcommands.Add(Learn());
        command.Subcommands.Add(Near());
        command.Subcommands.Add(Compare());
        return command;
    }

    private static Command Learn()
    {
        var corpus = CommonOptions.LearnFrom();
        var output = new Option<string>("--out") { Description = $"Where to write the vectors (the base vectors: {BaseVectorsPath})", Required = true };
        var defaults = new VectorTrainingOptions();
        var dimensions = new Option<int>("--dimensions") { Description = $"Dimensions (default {defaults.Dimensions})", DefaultValueFactory = _ => defaults.Dimensions }.Within(1, 4096);
        var words = new Option<int>("--words") { Description = $"At most this many words, most frequent first (default {defaults.MaxWords})", DefaultValueFactory = _ => defaults.MaxWords }.Within(1);
        var seed = new Option<int>("--seed") { Description = $"Seed of the randomized eigendecomposition (default {defaults.Seed}, the base vectors')", DefaultValueFactory = _ => defaults.Seed };
        var tolerance = new Option<double>("--tolerance") { Description = $"Solve the eigendecomposition until the leading pairs' mean relative residual is within this (default {defaults.Tolerance})", DefaultValueFactory = _ => defaults.Tolerance }.Within(1e-7, 1);
        var startFrom = new Option<string?>("--start") { Description = "A vector file whose vectors start the eigendecomposition (fewer rounds when they are near; the same solution)" };
        var command = new Command("learn", "Learn word vectors from the texts of corpus folders (PPMI over a window, eigendecomposition solved to a tolerance).") { corpus, output, dimensions, words, seed, tolerance, startFrom };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var folders = parse.GetValue(corpus)!;
            var clock = Stopwatch.StartNew();
            var (texts, files) = CommonOptions.ReadTexts(folders);
            var characters = texts.Sum(t => (long)t.Length);
            var options = new VectorTrainingOptions { Dimensions = parse.GetValue(dimensions), MaxWords = parse.GetValue(words), Seed = parse.GetValue(seed), Tolerance = parse.GetValue(tolerance) };
            var start = parse.GetValue(startFrom) is { } startFile ? Open(startFile) : null;
            var provenance = string.Create(CultureInfo.InvariantCulture,
                $"speecharchive vectors learn --corpus {string.Join(' ', folders)} --out {parse.GetValue(output)} --dimensions {options.Dimensions} --words {options.MaxWords} --tolerance {options.Tolerance}{(start is null ? "" : $" --start {parse.GetValue(startFrom)}")}: {files} files, {characters:N0} characters, the base lexicon, seed {options.Seed}");
            var (vectors, rounds, residual) = VectorTrainer.Learn(texts, new Segmenter(Lexicon.Base), options, provenance, start);
            using (var stream = File.Create(parse.GetValue(output)!))
            {
                vectors.Write(stream);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{vectors.Count:N0} words × {vectors.Dimensions} dimensions from {files} files, {characters:N0} characters, in {clock.Elapsed.TotalSeconds:F1} s (eigendecomposition: {rounds} rounds, residual {residual:0.0e0}); {new FileInfo(parse.GetValue(output)!).Length:N0} bytes"));
            return 0;
        }));
        return command;
    }

    private static Command Near()
    {
        var text = new Argument<string>("word") { Description = "A word or phrase (a phrase: the mean of its words)" };
        var path = new Option<string?>("--vectors") { Description = "A vector file instead of the base vectors" };
        var limit = new Option<int>("--limit") { Description = "How many words (default 20)", DefaultValueFactory = _ => 20 }.Within(1);
        var json = CommonOptions.Json("the words with their cosines");
        var command = new Command("near", "The words whose vectors are nearest to a word's.") { text, path, limit, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var file = parse.GetValue(path);
            var vectors = file is null ? WordVectors.Base ?? throw new SpeechArchiveException("This build has no base vectors: run `vectors learn` first.")
                : Open(file);
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

    private static Command Compare()
    {
        var first = new Argument<string>("first") { Description = "A vector file (vectors learn --out)" };
        var second = new Argument<string>("second") { Description = "Another vector file" };
        var sample = new Option<int>("--words") { Description = "How many words to compare, sampled evenly over the first file's vocabulary (default 1000)", DefaultValueFactory = _ => 1000 }.Within(1);
        var nearest = new Option<int>("--nearest") { Description = "How many nearest words to compare per word (default 10)", DefaultValueFactory = _ => 10 }.Within(1);
        var json = CommonOptions.Json("the agreement");
        var command = new Command("compare", "How far two vector models agree: the share of each word's nearest words that both give it (1: the same neighbours).")
        {
            first, second, sample, nearest, json,
        };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var (a, b) = (Open(parse.GetValue(first)!), Open(parse.GetValue(second)!));
            var agreement = VectorComparison.Compare(a, b, parse.GetValue(sample), parse.GetValue(nearest));
            if (agreement.Words == 0)
            {
                throw new SpeechArchiveException($"{parse.GetValue(first)} and {parse.GetValue(second)} share no two words: nothing to compare.");
            }

            return CommonOptions.Print(parse, json, agreement, result =>
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Words:N0} words compared ({a.Count:N0} and {b.Count:N0} in the two files): {result.Overlap:0.000} of their {result.Nearest} nearest words shared"));
                var table = new Table().AddColumns("vocabulary ranks 词频名次", "words", "shared");
                foreach (var band in result.Bands)
                {
                    table.AddRow(
                        string.Create(CultureInfo.InvariantCulture, $"{band.From + 1:N0}–{band.To:N0}"),
                        band.Words.ToString("N0", CultureInfo.InvariantCulture),
                        band.Overlap.ToString("0.000", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
            });
        }));
        return command;
    }

    private static WordVectors Open(string file)
    {
        if (!File.Exists(file))
        {
            throw new SpeechArchiveException($"{file}: no such vector file");
        }

        using var stream = File.OpenRead(file);
        return WordVectors.Read(stream, file);
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
