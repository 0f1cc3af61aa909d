using SpeechArchive.Tests;

namespace SpeechArchive.Web.Tests;

/// <summary>
/// This project's own fixtures beside the shared ones of <see cref="FixturePaths"/> (the fixture corpus is copied from
/// SpeechArchive.Tests at build), and where the browser tests put their screenshots.
/// </summary>
internal static class TestPaths
{
    public static string Speeches => Path.Combine(FixturePaths.Root, "Speeches");

    /// <summary>Screenshots of the browser tests: TestResults/screenshots under the repository root.</summary>
    public static string Screenshots
    {
        get
        {
            var path = Path.Combine(FixturePaths.RepoRoot, "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string Data(string name) => Path.Combine(FixturePaths.Root, "Web", name);
}
