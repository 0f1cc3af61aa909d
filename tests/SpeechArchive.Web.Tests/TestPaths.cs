namespace SpeechArchive.Web.Tests;

/// <summary>Where the fixtures are: the shared fixture corpus (copied from SpeechArchive.Tests at build) and this project's extra speeches.</summary>
internal static class TestPaths
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Corpus => Path.Combine(Fixtures, "Corpus");

    public static string Speeches => Path.Combine(Fixtures, "Speeches");

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SpeechArchive.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Screenshots of the browser tests: TestResults/screenshots under the repository root.</summary>
    public static string Screenshots
    {
        get
        {
            var path = Path.Combine(RepoRoot, "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string Data(string name) => Path.Combine(Fixtures, "Web", name);
}
