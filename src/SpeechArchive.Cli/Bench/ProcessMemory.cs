namespace SpeechArchive.Cli.Bench;

/// <summary>A process's memory as Linux counts it (<c>/proc/PID/status</c>): resident (VmRSS), its anonymous part (RssAnon: heaps, not mapped files) and the peak resident (VmHWM).</summary>
internal sealed record ProcessMemory(long Rss, long RssAnon, long Peak)
{
    /// <summary>The process's memory now, or null where there is no <c>/proc</c> (not Linux) or the process is gone.</summary>
    public static ProcessMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long Bytes(string field) =>
            lines.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
            && long.TryParse(line[(field.Length + 1)..].Trim().Split(' ')[0], out var kb) ? kb * 1024 : 0;
        return new ProcessMemory(Bytes("VmRSS"), Bytes("RssAnon"), Bytes("VmHWM"));
    }
}
