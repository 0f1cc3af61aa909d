using System.CommandLine;
using System.Text.Json;
using SpeechArchive.Search;

namespace SpeechArchive.Cli;

/// <summary>Options every command takes, and what the commands do with them alike.</summary>
internal static class CommonOptions
{
    public static Option<string> Index { get; } = new("--index")
    {
        Description = "Index folder (default: index/)",
        DefaultValueFactory = _ => "index",
        Recursive = true,
    };

    /// <summary>The <c>--corpus</c> folders a <c>learn</c> command reads (lexicon, vectors).</summary>
    public static Option<string[]> LearnFrom() => new("--corpus") { Description = "Folders of *.txt/*.md to learn from", Required = true, AllowMultipleArgumentsPerToken = true };

    /// <summary>
    /// The text of the file at <paramref name="path"/> (which exists) as the indexer reads a corpus file: its encoding detected,
    /// a Markdown file's front matter left out and its markup turned into text; a file it would refuse is an error with the reason.
    /// </summary>
    public static string ReadDocumentText(string path)
    {
        var full = Path.GetFullPath(path);
        var read = new Documents.DocumentReader().Read(new Documents.CorpusFile(Path.GetFileName(full), full, new FileInfo(full).Length), null);
        return read.Document?.Text ?? throw new SpeechArchiveException($"{path}: {read.Reason}");
    }

    /// <summary>The text of every speech file in <paramref name="folders"/> (a file that cannot be read: empty), and how many files; none at all is an error naming the folders.</summary>
    public static (List<string> Texts, int Files) ReadTexts(IEnumerable<string> folders)
    {
        var list = folders.ToList();
        var files = list.SelectMany(f => new Documents.CorpusScanner().Scan(f)).ToList();
        if (files.Count == 0)
        {
            throw new SpeechArchiveException(
                $"No speech files (.md or .txt) under {string.Join(", ", list)}: nothing to learn from (links that leave a folder are not followed).");
        }

        var reader = new Documents.DocumentReader();
        return ([.. files.Select(f => reader.Read(f, null).Document?.Text ?? "")], files.Count);
    }

    /// <summary>
    /// <paramref name="option"/>, refusing a value outside <paramref name="min"/>–<paramref name="max"/> as a usage error
    /// (exit 2) naming it.
    /// </summary>
    public static Option<int> Within(this Option<int> option, int min, int max = int.MaxValue)
    {
        var fallback = option.DefaultValueFactory;
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0)
            {
                return fallback is null ? 0 : fallback(r);
            }

            var token = r.Tokens[^1].Value;
            if (!int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                r.AddError($"{option.Name} takes a whole number (got '{token}')");
            }
            else if (value < min || value > max)
            {
                r.AddError(max == int.MaxValue
                    ? $"{option.Name} must be at least {min} (got {value})"
                    : $"{option.Name} must be from {min} to {max} (got {value})");
            }

            return value;
        };
        return option;
    }

    /// <summary><paramref name="option"/>, refusing a number outside <paramref name="min"/>–<paramref name="max"/> as a usage error (exit 2) naming it.</summary>
    public static Option<double> Within(this Option<double> option, double min, double max)
    {
        var fallback = option.DefaultValueFactory;
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0)
            {
                return fallback is null ? 0 : fallback(r);
            }

            var token = r.Tokens[^1].Value;
            if (!double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                r.AddError($"{option.Name} takes a number (got '{token}')");
            }
            else if (value < min || value > max)
            {
                r.AddError($"{option.Name} must be from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)} (got {token})");
            }

            return value;
        };
        return option;
    }

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON" };

    /// <summary>The snapshot of the index in <c>--index</c>.</summary>
    public static IndexSnapshot OpenIndex(ParseResult parse) => IndexSnapshot.Load(parse.GetValue(Index)!);

    /// <summary>Prints a command's result as indented JSON when <paramref name="json"/> is given, else with <paramref name="print"/>; exit code 0.</summary>
    public static int Print<T>(ParseResult parse, Option<bool> json, T result, Action<T> print)
    {
        if (parse.GetValue(json))
        {
            Console.WriteLine(JsonSerializer.Serialize(result, JsonDefaults.Indented));
        }
        else
        {
            print(result);
        }

        return 0;
    }
}
