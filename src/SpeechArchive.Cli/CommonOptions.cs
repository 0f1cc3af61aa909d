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
    public static Option<int> Within(this Option<int> option, int min, int max = int.MaxValue) =>
        Bounded(option, min, max, System.Globalization.NumberStyles.Integer, "a whole number", (value, _) => $"{value}", atLeast: max == int.MaxValue);

    /// <summary><paramref name="option"/>, refusing a number outside <paramref name="min"/>–<paramref name="max"/> as a usage error (exit 2) naming it.</summary>
    public static Option<double> Within(this Option<double> option, double min, double max) =>
        Bounded(option, min, max, System.Globalization.NumberStyles.Float, "a number", (_, token) => token, atLeast: false);

    /// <summary>
    /// The parser behind <see cref="Within(Option{int}, int, int)"/> and <see cref="Within(Option{double}, double, double)"/>:
    /// the last token read as <paramref name="kind"/> of <paramref name="style"/> (finite), within the bounds; a value outside
    /// them is shown as <paramref name="shown"/> gives it (from the value or the token as typed).
    /// </summary>
    private static Option<T> Bounded<T>(Option<T> option, T min, T max, System.Globalization.NumberStyles style, string kind, Func<T, string, string> shown, bool atLeast)
        where T : struct, System.Numerics.INumber<T>
    {
        var fallback = option.DefaultValueFactory;
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0)
            {
                return fallback is null ? T.Zero : fallback(r);
            }

            var token = r.Tokens[^1].Value;
            if (!T.TryParse(token, style, System.Globalization.CultureInfo.InvariantCulture, out var value) || !T.IsFinite(value))
            {
                r.AddError($"{option.Name} takes {kind} (got '{token}')");
            }
            else if (value < min || value > max)
            {
                var (low, high) = (min.ToString(null, System.Globalization.CultureInfo.InvariantCulture), max.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
                r.AddError(atLeast ? $"{option.Name} must be at least {low} (got {shown(value, token)})" : $"{option.Name} must be from {low} to {high} (got {shown(value, token)})");
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
