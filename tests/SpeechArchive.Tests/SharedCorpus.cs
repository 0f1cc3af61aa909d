using SpeechArchive.Writing;

namespace SpeechArchive.Tests;

/// <summary>
/// Finds the shared corpora (../shared/corpus next to the repository) that tests read by path and never copy. A test that
/// needs one calls <see cref="Require"/> from a [SkippableFact] or [SkippableTheory], so without it the test is reported as
/// Skipped with the missing path, never as Passed.
/// </summary>
public static class SharedCorpus
{
    /// <summary>
    /// Environment variable naming the shared folder to use instead of ../shared beside the repository. Point it at a folder
    /// that does not exist to see what a fresh clone without ../shared skips: <c>SPEECHARCHIVE_SHARED=/nowhere dotnet test …</c>.
    /// </summary>
    public const string Variable = "SPEECHARCHIVE_SHARED";

    /// <summary>The shared folder: <see cref="Variable"/> when set, else ../shared beside the repository; null when the repository is not found.</summary>
    public static string? Root =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? Path.GetFullPath(given)
        : RepositoryRoot() is { } repository ? Path.GetFullPath(Path.Combine(repository, "..", "shared"))
        : null;

    /// <summary>Absolute path of a shared set (seeds, reports, xi-2020, laws), or null when it is absent.</summary>
    public static string? Find(string set) =>
        Root is { } root && Path.Combine(root, "corpus", set) is var path && Directory.Exists(path) ? path : null;

    /// <summary>The set's path; when it is absent, skips the calling test with <see cref="Missing"/> as the reason.</summary>
    public static string Require(string set)
    {
        var path = Find(set);
        Skip.If(path is null, Missing(set));
        return path;
    }

    /// <summary>
    /// Lays out the evaluation's archive in <paramref name="corpus"/> as eval-topical lays it out: the repository's corpus/,
    /// the shared reports and xi-2020 (skipping the calling test when either is absent).
    /// </summary>
    public static void StageEvaluationArchive(string corpus)
    {
        var reports = Require("reports");
        var xi = Require("xi-2020");
        RecallCorpus.Stage(corpus, [Path.Combine(FixturePaths.RepoRoot, "corpus"), reports, xi]);
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

    /// <summary>Why a test that needs <paramref name="set"/> was skipped.</summary>
    public static string Missing(string set) =>
        $"shared corpus set '{set}' not found at {(Root is { } root ? Path.Combine(root, "corpus", set) : $"../shared/corpus/{set}")} " +
        $"(../shared/corpus/{set} beside the repository, or under ${Variable})";
}
