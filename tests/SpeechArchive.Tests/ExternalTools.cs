namespace SpeechArchive.Tests;

/// <summary>
/// What tests that call a program of the machine (Chromium, Redocly, java) share: where the program is, and whether this is
/// CI, where such a test fails instead of reporting itself skipped. Linked into the web tests too.
/// </summary>
public static class ExternalTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="program"/> in a folder of the PATH; null when none holds it.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
