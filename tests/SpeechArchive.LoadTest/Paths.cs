namespace SpeechArchive.LoadTest;

/// <summary>Where the repository, the built web app and the default corpus are.</summary>
internal static class Paths
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpeechArchive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the load test from inside the repository");
    }

    /// <summary>The web app built beside this program (Release preferred): the project reference builds it first.</summary>
    public static string WebDll(string root)
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var path = Path.Combine(root, "src", "SpeechArchive.Web", "bin", configuration, "net10.0", "SpeechArchive.Web.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("build the web app first: dotnet build -c Release src/SpeechArchive.Web");
    }

    /// <summary>The project's corpus/ and, when present, the speech-like shared sets (seeds, reports, xi-2020), copied into <paramref name="target"/>.</summary>
    public static string DefaultCorpus(string root, string target)
    {
        Copy(Path.Combine(root, "corpus"), target);
        foreach (var set in new[] { "seeds", "reports", "xi-2020" })
        {
            var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", set));
            if (Directory.Exists(shared))
            {
                Copy(shared, Path.Combine(target, set));
            }
        }

        return target;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
