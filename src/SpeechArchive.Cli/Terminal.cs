using System.Net;
using Spectre.Console;

namespace SpeechArchive.Cli;

/// <summary>Renders the engine's HTML snippets for a terminal.</summary>
internal static class Terminal
{
    /// <summary>Turns an HTML-escaped snippet with &lt;mark&gt; into Spectre markup with the hits highlighted.</summary>
    public static string FromSnippet(string snippet)
    {
        var parts = snippet.Split(["<mark>", "</mark>"], StringSplitOptions.None);
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var text = Markup.Escape(WebUtility.HtmlDecode(parts[i]));
            sb.Append(i % 2 == 1 ? $"[black on yellow]{text}[/]" : text);
        }

        return sb.ToString();
    }
}
