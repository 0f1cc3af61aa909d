namespace SpeechArchive.Tests;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "speecharchive-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes text (UTF-8, no BOM) at a path relative to the folder, creating folders, and returns the full path.</summary>
    public string Write(string relativePath, string text) => WriteBytes(relativePath, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes bytes at a path relative to the folder, creating folders, and returns the full path.</summary>
    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>A copy of the fixture corpus (tests/…/Fixtures/Corpus) in a sub-folder, for tests that change files.</summary>
    public string CopyFixtureCorpus(string name = "corpus")
    {
        var target = Combine(name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(FixturePaths.Corpus))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Indexes the speeches written under <c>corpus/</c> into <c>index/</c> and returns the main search over them.</summary>
    public SpeechArchive.Search.Searcher IndexAndSearch()
    {
        SpeechArchive.Indexing.Indexer.Run(new SpeechArchive.Indexing.IndexOptions { CorpusDirectory = Combine("corpus"), IndexDirectory = Combine("index") });
        return new SpeechArchive.Search.Searcher(SpeechArchive.Search.IndexSnapshot.Load(Combine("index")), SpeechArchive.Search.QueryUnderstanding.Default);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a file for a moment; the OS temp cleaner gets it
        }
    }
}

/// <summary>Where the test fixtures are.</summary>
public static class FixturePaths
{
    public static string Root => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Corpus => System.IO.Path.Combine(Root, "Corpus");

    /// <summary>The repository root (the folder holding SpeechArchive.sln), found upwards from the test binaries.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SpeechArchive.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
        }
    }
}
