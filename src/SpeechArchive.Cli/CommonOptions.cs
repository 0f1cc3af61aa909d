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
