using System.Collections.Concurrent;
using System.Diagnostics;

namespace SpeechArchive.Tests.Cli;

/// <summary>The CLI running as a child process, its stderr lines collected as they come, so a test can kill it at a chosen point.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly BlockingCollection<string> lines = [];

    private CliProcess(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                lines.CompleteAdding();
            }
            else
            {
                lines.Add(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static CliProcess Start(params string[] args) => new(CliRunner.Start(args));

    /// <summary>Waits for a stderr line matching <paramref name="match"/>; false when the process ended (or the time ran out) first.</summary>
    public bool WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (lines.TryTake(out var line, TimeSpan.FromMilliseconds(50)) && match(line))
            {
                return true;
            }

            if (lines.IsCompleted)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>SIGKILL (the whole process tree), then waits until it is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    public void Dispose()
    {
        Kill();
        process.Dispose();
        lines.Dispose();
    }
}
