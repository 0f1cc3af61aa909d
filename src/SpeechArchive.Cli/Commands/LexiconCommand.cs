using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// <c>lexicon learn</c>: learns a lexicon from corpus folders (the base lexicon is made this way); <c>lexicon top</c>: the most
/// frequent words of the index's lexicon; <c>lexicon eval</c>: how its segmentation agrees with one made by hand;
/// <c>segment</c>: how a text is cut into words.
/// </summary>
internal static class LexiconCommand
{
    public const string BaseLexiconPath = "src/SpeechArchive.Core/Analysis/BaseLexicon.tsv";

    public const string GoldPath = "tests/SpeechArchive.Tests/Fixtures/Analysis/gold-segmentation.tsv";

    public static Command Create()
    {
        var command = new Command("lexicon", "The words the archive is searched with: learn a lexicon from texts, list the top words, or score a lexicon against words cut by hand.");
        command.Subcommands.Add(Learn());
        command.Subcommands.Add(Top());
        command.Subcommands.Add(Eval());
        return command;
    }

    public static Command Segment()
    {
        var text = new Argument<string[]>("text") { Description = "Text to cut into words", Arity = ArgumentArity.OneOrMore };
        var lexicon = new Option<string?>("--lexicon") { Description = "A lexicon TSV instead of the index's (base lexicon, archive words, corpus/lexicon.txt)" };
        var json = CommonOptions.Json("the words with their offsets");
        var command = new Command("segment", "Show how a text is cut into words (the words a free-text query searches).") { text, lexicon, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var input = string.Join(' ', parse.GetValue(text) ?? []);
            var words = new Segmenter(Open(parse, parse.GetValue(lexicon))).Segment(input);
            return CommonOptions.Print(parse, json, words, w => Console.WriteLine(string.Join(" / ", w.Select(x => x.Text))));
        }));
        return command;
    }

    private static Command Learn()
    {
        var corpus = CommonOptions.LearnFrom();
        var output = new Option<string>("--out") { Description = $"Where to write the lexicon TSV (the base lexicon: {BaseLexiconPath})", Required = true };
        var top = new Option<int>("--top") { Description = "Keep the most frequent words of two or more characters (default 80000; every single character is kept)", DefaultValueFactory = _ => 80_000 };
        var command = new Command("learn", "Learn a lexicon from the texts of corpus folders (frequency, cohesion, boundary entropy).") { corpus, output, top };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var folders = parse.GetValue(corpus)!;
            var clock = Stopwatch.StartNew();
            var (texts, files) = CommonOptions.ReadTexts(folders);
            var read = clock.Elapsed.TotalSeconds;
            var learned = WordDiscovery.Learn(texts);
            var seconds = clock.Elapsed.TotalSeconds - read;
            var keep = parse.GetValue(top);
            var kept = new Lexicon(learned.Words.Where(w => w.Word.Length == 1).Concat(learned.Words.Where(w => w.Word.Length > 1).Take(keep)));
            using (var writer = new StreamWriter(parse.GetValue(output)!))
            {
                writer.Write($"# Learned by `speecharchive lexicon learn --corpus {string.Join(' ', folders)} --out {parse.GetValue(output)} --top {keep}`\n");
                writer.Write($"# from {files} files, {texts.Sum(t => (long)t.Length):N0} characters; word<TAB>frequency (word tokens after segmentation).\n");
                kept.Write(writer);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kept.Count:N0} words ({kept.Words.Count(w => w.Word.Length > 1):N0} of two or more characters) from {files} files, {texts.Sum(t => (long)t.Length):N0} characters; read {read:F1} s, learned in {seconds:F1} s"));
            return 0;
        }));
        return command;
    }

    private static Command Top()
    {
        var lexicon = new Option<string?>("--lexicon") { Description = "A lexicon TSV instead of the index's" };
        var limit = new Option<int>("--limit") { Description = "How many words (default 50)", DefaultValueFactory = _ => 50 }.Within(1);
        var minLength = new Option<int>("--min-length") { Description = "Shortest word listed (default 2)", DefaultValueFactory = _ => 2 };
        var json = CommonOptions.Json("the words");
        var command = new Command("top", "The most frequent words of the lexicon.") { lexicon, limit, minLength, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var words = Open(parse, parse.GetValue(lexicon)).Words.Where(w => w.Word.Length >= parse.GetValue(minLength)).Take(parse.GetValue(limit))
                .Select(w => new { w.Word, w.Frequency }).ToList();
            return CommonOptions.Print(parse, json, words, list =>
            {
                var table = new Table().AddColumns("word 词", "frequency");
                foreach (var w in list)
                {
                    table.AddRow(Markup.Escape(w.Word), w.Frequency.ToString("N0", CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
            });
        }));
        return command;
    }

    private static Command Eval()
    {
        var gold = new Option<string>("--gold") { Description = $"The gold segmentation TSV (default: {GoldPath})", DefaultValueFactory = _ => GoldPath };
        var lexicons = new Option<string[]>("--lexicon") { Description = "Lexicon TSVs to score, each its own row (default: the index's lexicon, else the base lexicon with corpus/lexicon.txt)", AllowMultipleArgumentsPerToken = true };
        var show = new Option<bool>("--show") { Description = "Also list the learned words that cross a gold word and the gold words split" };
        var json = CommonOptions.Json("the scores");
        var command = new Command("eval", "How the lexicon's segmentation agrees with a segmentation made by hand: learned words crossing a gold word, gold words split, per split.") { gold, lexicons, show, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var path = parse.GetValue(gold)!;
            if (!File.Exists(path))
            {
                throw new SpeechArchiveException($"No gold segmentation at {path}.");
            }

            List<GoldSentence> sentences;
            using (var reader = new StreamReader(path))
            {
                sentences = SegmentationGold.Read(reader, path);
            }

            var named = parse.GetValue(lexicons) is { Length: > 0 } given ? given.Select(p => (Name: p, Lexicon: Lexicon.Load(p))).ToList() : [Default(parse)];
            var listed = parse.GetValue(show);
            var rows = named.SelectMany(l => SegmentationGold.BySplit(new Segmenter(l.Lexicon), sentences).Select(r => (l.Name, r.Split, r.Score))).Select(r => new
            {
                lexicon = r.Name, split = r.Split, learnedWords = r.Score.Learned, crossing = r.Score.Crossing, crossingRate = Math.Round(r.Score.CrossingRate, 4),
                goldWords = r.Score.GoldWords, goldWordsSplit = r.Score.Split, splitRate = Math.Round(r.Score.SplitRate, 4),
                crossed = listed ? r.Score.Crossed : null, cut = listed ? r.Score.Cut : null,
            }).ToList();
            return CommonOptions.Print(parse, json, rows, list =>
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sentences.Count} gold sentences from {path}; words of two Han characters or more"));
                var table = new Table().AddColumns("lexicon", "sentences", "learned words", "crossing a gold word", "gold words", "cut by a learned boundary");
                foreach (var r in list)
                {
                    table.AddRow(Markup.Escape(r.lexicon), r.split, r.learnedWords.ToString("N0", CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"{r.crossing} ({r.crossingRate:P1})"), r.goldWords.ToString("N0", CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"{r.goldWordsSplit} ({r.splitRate:P1})"));
                }

                AnsiConsole.Write(table);
                foreach (var r in list.Where(r => r.crossed is not null && r.split == "all"))
                {
                    Console.WriteLine($"{r.lexicon}: crossing: {string.Join(' ', r.crossed!)}");
                    Console.WriteLine($"{r.lexicon}: split: {string.Join(' ', r.cut!)}");
                }
            });
        }));
        return command;
    }

    /// <summary>The lexicon in <paramref name="path"/>, else <see cref="Default"/>'s.</summary>
    private static Lexicon Open(ParseResult parse, string? path) => path is not null ? Lexicon.Load(path) : Default(parse).Lexicon;

    /// <summary>The index's lexicon when there is one, else the base lexicon with the corpus's edits, and which it is.</summary>
    private static (string Name, Lexicon Lexicon) Default(ParseResult parse)
    {
        var index = parse.GetValue(CommonOptions.Index)!;
        return IndexSnapshot.Exists(index) ? ($"index {index}", IndexSnapshot.Load(index).Lexicon)
            : ("base lexicon + corpus/lexicon.txt", ArchiveLexicon.Compose(null, ArchiveLexicon.ReadEdits("corpus")));
    }
}
