using Xunit.Abstractions;

namespace SpeechArchive.Tests;

/// <summary>Finds the shared corpora (../shared/corpus next to the repository) that tests read by path and never copy.</summary>
public static class SharedCorpus
{
    /// <summary>Absolute path of a shared set (seeds, reports, xi-2020, laws), or null when it is absent.</summary>
    public static string? Find(string set)
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", set));
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>The folder holding SpeechArchive.sln, found by walking up from the test binaries; null if not found.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpeechArchive.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The set's path, or null after telling the test output why the test does nothing.</summary>
    public static string? FindOrExplain(string set, ITestOutputHelper output)
    {
        var path = Find(set);
        if (path is null)
        {
            output.WriteLine(Missing(set));
        }

        return path;
    }

    /// <summary>The message a test writes before returning early when a set is absent.</summary>
    public static string Missing(string set) => $"SKIPPED: shared corpus set '{set}' not found (expected ../shared/corpus/{set} beside the repository).";
}
