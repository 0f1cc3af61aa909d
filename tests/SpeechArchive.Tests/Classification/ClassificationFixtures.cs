using System.Text;

namespace SpeechArchive.Tests.Classification;

/// <summary>Reads the case files under Fixtures/Classification and the seed speeches of the shared corpus.</summary>
internal static class ClassificationFixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", "Classification", .. parts]);

    public static IEnumerable<string[]> Rows(string name)
    {
        foreach (var line in File.ReadLines(Path(name), Encoding.UTF8))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line.Split('\t');
            }
        }
    }

    public static TheoryData<string, string, string> Table3(string name)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Rows(name))
        {
            data.Add(row[0], row[1], row[2]);
        }

        return data;
    }

    /// <summary>A seed speech's text; skips the test when ../shared/corpus/seeds is absent.</summary>
    public static string Seed(string file) => File.ReadAllText(System.IO.Path.Combine(SharedCorpus.Require("seeds"), file), Encoding.UTF8);

    /// <summary>The repository's shipped corpus/taxonomy.yaml, found by walking up from the test binaries; null when not found.</summary>
    public static string? ShippedTaxonomy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "corpus", "taxonomy.yaml");
            if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "SpeechArchive.sln")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>"-" in a case file means none.</summary>
    public static string? NoneAsNull(string value) => value == "-" ? null : value;
}
