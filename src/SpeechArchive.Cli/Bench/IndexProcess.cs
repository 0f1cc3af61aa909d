using System.Diagnostics;
using System.Text.Json;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Cli.Bench;

/// <summary>
/// Runs this CLI's own <c>index --json</c> as a child process, so every build of a bench starts as an administrator's does
/// (a fresh process, nothing compiled yet by an earlier build); its peak resident memory is sampled from <c>/proc</c> while it runs.
/// </summary>
internal static class IndexProcess
{
    public static async Task<(IndexRunResult Result, long PeakBytes)> RunAsync(string corpus, string index)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(IndexProcess).Assembly.Location, "index", "--corpus", corpus, "--index", index, "--json" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new SpeechArchiveException("could not start the index command");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(200))
        {
            peak = Math.Max(peak, ProcessMemory.Read(process.Id)?.Peak ?? 0);
        }

        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode is not (0 or CliErrors.Failed))
        {
            throw new SpeechArchiveException($"the index command exited with {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
        }

        var result = JsonSerializer.Deserialize<IndexRunResult>(output, JsonDefaults.Options)
            ?? throw new SpeechArchiveException("the index command printed no summary");
        return (result, peak);
    }
}
