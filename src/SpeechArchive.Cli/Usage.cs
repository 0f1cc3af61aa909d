using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace SpeechArchive.Cli;

/// <summary>
/// Checks a parsed command line before any command runs. A token that looks like an option but is none of the command's is
/// an error naming the valid options (System.CommandLine would hand it to a positional argument, so <c>classify --json</c>
/// read a file called <c>--json</c>); the parser's own errors become one line each. Both exit with <see cref="CliErrors.BadInput"/>.
/// </summary>
internal static class Usage
{
    private static readonly HashSet<Argument> QueryArguments = [];

    /// <summary>
    /// Marks an argument written in query syntax, where <c>-word</c> excludes a word: there a single-dash token is an
    /// exclusion unless it spells one of the command's options (<c>-limit</c>); a double-dash token is still an unknown option.
    /// </summary>
    public static Argument<string[]> QuerySyntax(Argument<string[]> argument)
    {
        QueryArguments.Add(argument);
        return argument;
    }

    /// <summary>Runs the command, or prints the usage errors (one line each) and returns <see cref="CliErrors.BadInput"/>.</summary>
    public static int Invoke(ParseResult parse)
    {
        var errors = Errors(parse);
        if (errors.Count == 0)
        {
            return parse.Invoke();
        }

        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        return CliErrors.BadInput;
    }

    /// <summary>The usage errors of a command line: the unknown options, else the parser's errors; none when it asks for help.</summary>
    public static IReadOnlyList<string> Errors(ParseResult parse)
    {
        if (parse.Action is HelpAction)
        {
            return [];
        }

        var errors = UnknownOptions(parse).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(parse.Errors.Select(e => OneLine(e.Message)));
        }

        var commands = parse.CommandResult.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        if (errors.Count > 0 && commands.Count > 0)
        {
            errors.Add($"{Path(parse.CommandResult)} needs one of the commands {string.Join(", ", commands)}");
        }

        return errors;
    }

    private static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var queryTokens = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        Collect(parse.RootCommandResult, optionValues, queryTokens);
        var valid = ValidOptions(parse.CommandResult);
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield break; // everything after -- is an argument, so a word to exclude or a file named -x can still be given
            }

            var value = token.Value;
            if (token.Type != TokenType.Argument || value.Length < 2 || value[0] != '-' || optionValues.Contains(token))
            {
                continue; // a lone - is standard input; an option's value may start with - (--index -x)
            }

            var name = value.Split('=', 2)[0];
            var spellsOption = valid.Contains("-" + name, StringComparer.Ordinal);
            if (queryTokens.Contains(token) && value[1] != '-' && !spellsOption)
            {
                continue;
            }

            var hint = spellsOption ? $" (did you mean -{name}? To exclude the word, put it after --)" : "";
            yield return $"Unknown option '{name}' for {Path(parse.CommandResult)}{hint}. Valid options: {string.Join(", ", valid)}";
        }
    }

    /// <summary>A parser message on one line (the choices of <c>--sort</c> come one per line).</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The tokens taken as option values, and those given to an argument in query syntax.</summary>
    private static void Collect(SymbolResult result, HashSet<Token> optionValues, HashSet<Token> queryTokens)
    {
        foreach (var child in result is CommandResult command ? command.Children : [])
        {
            switch (child)
            {
                case OptionResult option:
                    optionValues.UnionWith(option.Tokens);
                    break;
                case ArgumentResult argument when QueryArguments.Contains(argument.Argument):
                    queryTokens.UnionWith(argument.Tokens);
                    break;
                case CommandResult:
                    Collect(child, optionValues, queryTokens);
                    break;
            }
        }
    }

    /// <summary>The command's own options, then those it inherits (recursive options of its parents), then --help; hidden ones left out.</summary>
    private static List<string> ValidOptions(CommandResult result)
    {
        var names = new List<string>();
        var help = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = r.Parent)
        {
            foreach (var option in c.Command.Options)
            {
                if ((ReferenceEquals(c, result) || option.Recursive) && !option.Hidden && !names.Contains(option.Name) && !help.Contains(option.Name))
                {
                    (option is HelpOption ? help : names).Add(option.Name);
                }
            }
        }

        return [.. names, .. help];
    }

    /// <summary>The command as typed after the program name (<c>lexicon top</c>), or the program name for the root.</summary>
    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult { Parent: CommandResult } c; r = r.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names.Count > 0 ? string.Join(' ', names) : result.Command.Name;
    }
}
