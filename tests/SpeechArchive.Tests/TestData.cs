namespace SpeechArchive.Tests;

/// <summary>Reads the tab-separated case files under Fixtures: comment lines (#) and the header row are skipped; <c>\n</c> in a field is a line break.</summary>
public static class TestData
{
    public static IEnumerable<object[]> Rows(string relativePath, int fields)
    {
        var path = Path.Combine(FixturePaths.Root, relativePath);
        var lines = File.ReadAllLines(path);
        var header = true;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != fields)
            {
                throw new InvalidDataException($"{relativePath}: expected {fields} fields in '{line}'");
            }

            yield return f.Select(x => (object)x.Replace("\\n", "\n", StringComparison.Ordinal)).ToArray();
        }
    }
}
