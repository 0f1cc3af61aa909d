using Xunit.Abstractions;

namespace SpeechArchive.Tests;

/// <summary>Finds the shared corpus (<c>../shared/corpus</c> beside the repository) that tests read by path, never copy.</summary>
public static class SharedCorpus
{
    /// <summary>Absolute path of a corpus set (seeds, reports, xi-2020, laws), or null when the shared corpus is absent.</summary>
    public static string? Find(string set)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus", set);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The set's path, or null after telling the test output why the test does nothing.</summary>
    public static string? FindOrExplain(string set, ITestOutputHelper output)
    {
        string? path = Find(set);
        if (path is null)
        {
            output.WriteLine($"Skipped: ../shared/corpus/{set} was not found above {AppContext.BaseDirectory}.");
        }

        return path;
    }
}
