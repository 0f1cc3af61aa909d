namespace SpeechArchive.Web.Hosting;

/// <summary>
/// Resolves configured folders: absolute paths stay; relative ones are taken from the repository root (the nearest folder
/// upwards holding SpeechArchive.sln) when the app runs inside a clone, else from the current directory. So
/// <c>dotnet run --project src/SpeechArchive.Web</c> finds <c>corpus/</c> and <c>index/</c> whether started from the root or the project.
/// </summary>
internal static class ArchivePaths
{
    public const string SolutionFile = "SpeechArchive.sln";

    public static string Resolve(string configured, string? start = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        var current = start ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(RepositoryRoot(current) ?? current, configured));
    }

    private static string? RepositoryRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
