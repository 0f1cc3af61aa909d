using System.Net;
using Spectre.Console;

namespace SpeechArchive.Cli;

/// <summary>Renders the engine's HTML snippets for a terminal.</summary>
internal static class Terminal
{
    /// <summary>True when output goes to a pipe or file, or NO_COLOR is set: no ANSI codes, no wrapping, hits shown as «…».</summary>
    public static bool Plain { get; private set; }

    public static void Configure()
    {
        Plain = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        if (Plain)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(new TrailingSpaceTrimmer(Console.Out)),
            });
            AnsiConsole.Profile.Width = 4096;
        }
    }

    /// <summary>The noun for <paramref name="n"/> of a thing: <paramref name="one"/> for one (1 speech), else <paramref name="many"/> (0 speeches, 2 speeches).</summary>
    public static string Noun(long n, string one, string many) => n == 1 ? one : many;

    /// <summary>Turns an HTML-escaped snippet with &lt;mark&gt; into Spectre markup with the hits highlighted.</summary>
    public static string FromSnippet(string snippet)
    {
        var parts = snippet.Split(["<mark>", "</mark>"], StringSplitOptions.None);
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var text = Markup.Escape(WebUtility.HtmlDecode(parts[i]));
            sb.Append(i % 2 == 0 ? text : Plain ? $"«{text}»" : $"[black on yellow]{text}[/]");
        }

        return sb.ToString();
    }
}
