using System.CommandLine;

namespace SpeechArchive.Cli;

/// <summary>Options every command takes.</summary>
internal static class CommonOptions
{
    public static Option<string> Index { get; } = new("--index")
    {
        Description = "Index folder (default: index/)",
        DefaultValueFactory = _ => "index",
        Recursive = true,
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON" };
}
