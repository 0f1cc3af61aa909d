using SpeechArchive.Search;

namespace SpeechArchive.Cli;

/// <summary>A command line that names something that is not there (a ranking, a need): exit code 2, one line.</summary>
internal sealed class UsageException(string message) : SpeechArchiveException(message);

/// <summary>Turns errors into one line on stderr and an exit code: 2 for a bad query or usage, 3 for anything else.</summary>
internal static class CliErrors
{
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Error = 3;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is QuerySyntaxException or UsageException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (SpeechArchiveException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Error;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Error;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Error;
        }
    }
}
